import { conflict, invalid } from '../api/errors.js';
import type { Ports } from '../ports.js';
import type { UseCaseContext } from '../payments/record-payment.js';

/** Refuses what would add to a business day the branch manager has closed. */
export function assertDayOpen(ports: Ports, businessDate: string): void {
  const closed = ports.businessDays.closed(businessDate);
  if (closed) throw conflict('businessDate', `The business day ${businessDate} is closed; nothing more can be taken on it`);
}

/**
 * The branch manager marks a business day closed on this terminal. Refused
 * while any till of that day is still open or waiting for approval, naming
 * the till, so no drawer is left uncounted; a till left open from an
 * earlier day holds money too and is named the same way.
 */
export function closeDay(ports: Ports, businessDate: string, context: UseCaseContext): void {
  if (businessDate > context.today) throw invalid('businessDate', 'A business day cannot be closed before it has begun');
  assertDayOpen(ports, businessDate);
  const unclosed = ports.tills.unclosedBy(businessDate, context.settings.terminalCode);
  if (unclosed.length > 0) {
    const named = unclosed.map((t) => `${t.number} (${t.cashierName}${t.businessDate < businessDate ? `, opened for ${t.businessDate}` : ''})`).join(', ');
    throw conflict('businessDate', `Close till ${named} before closing the day`);
  }
  const tills = ports.tills.summariesOn(businessDate);
  ports.businessDays.close(businessDate, context.now, context.user.id);
  ports.audit.append({ id: ports.newId(), at: context.now, userId: context.user.id, action: 'business_day.close', entity: 'business_day', entityId: businessDate, before: null, after: { tills: tills.map((t) => t.number) } });
  ports.outbox.add({
    id: ports.newId(),
    kind: 'business_day.closed',
    aggregateId: `${context.settings.terminalCode}:${businessDate}`,
    accountId: `day:${context.settings.terminalCode}`,
    amount: 0,
    tillSessionId: null,
    payload: { businessDate, terminalCode: context.settings.terminalCode, closedBy: context.user.id, tills },
    createdAt: context.now,
  });
}
