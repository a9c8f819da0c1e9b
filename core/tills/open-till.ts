import { conflict, invalid } from '../api/errors.js';
import type { Cents } from '../money.js';
import type { Ports } from '../ports.js';
import { takeNumber, type UseCaseContext } from '../payments/record-payment.js';
import { countedTotal, drawerDenominations, type DenominationCount } from './denominations.js';
import { assertDayOpen } from './close-day.js';
import type { TillSessionRecord } from './till-session.js';
import { writeTillLine } from './till-use-case.js';

export interface OpenTillRequest {
  id: string;
  /** The float as a total, or… */
  openingFloat?: Cents;
  /** …counted by denomination. */
  counts?: DenominationCount;
}

/**
 * A cashier opens their own till on this terminal for today's business day.
 * One open till per cashier per terminal; none once the day is closed. A
 * repeat of the same id (a double click) answers with the till already open.
 */
export function openTill(ports: Ports, request: OpenTillRequest, context: UseCaseContext): TillSessionRecord {
  const repeated = ports.tills.session(request.id);
  if (repeated && repeated.cashierId === context.user.id) return repeated;
  if (repeated) throw conflict('id', 'This till session id already belongs to another till');

  const already = ports.tills.openOf(context.user.id, context.settings.terminalCode);
  if (already) throw conflict('till', `You already have till ${already.number} open on this terminal`);
  assertDayOpen(ports, context.today);

  if ((request.openingFloat === undefined) === (request.counts === undefined)) {
    throw invalid('openingFloat', 'Enter the opening float as a total, or count it by denomination, not both');
  }
  const counts = request.counts ?? null;
  const openingFloat = counts ? countedTotal(counts, drawerDenominations(context.settings)) : request.openingFloat!;

  const session: TillSessionRecord = {
    id: request.id,
    number: takeNumber(ports, context, 'tillSession'),
    terminalCode: context.settings.terminalCode,
    cashierId: context.user.id,
    businessDate: context.today,
    openingFloat,
    status: 'open',
    openedAt: context.now,
    closedAt: null,
    closedBy: null,
  };
  ports.tills.insert(session);
  writeTillLine(ports, { kind: 'opening_float', id: ports.newId(), tillSessionId: session.id, at: context.now, by: context.user.id, amount: openingFloat, counts }, context, 'till.opened', { session, counts });
  return session;
}
