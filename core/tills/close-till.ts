import { ApiError, conflict } from '../api/errors.js';
import { APPROVES, type SignedInUser } from '../auth/roles.js';
import { cents, type Cents } from '../money.js';
import type { Ports } from '../ports.js';
import type { UseCaseContext } from '../payments/record-payment.js';
import { countedTotal, drawerDenominations, type DenominationCount } from './denominations.js';
import { tillSummary, varianceOfCount } from './till-report.js';
import { tillAccount, type TillSessionRecord } from './till-session.js';
import { assertWorksTill, findTill, writeTillLine } from './till-use-case.js';
import { closingDecision } from './variance-rules.js';

export interface CountTillRequest {
  tillSessionId: string;
  counts: DenominationCount;
  cardTotal: Cents;
  mpesaTotal: Cents;
}

/**
 * The cashier's count at the close: notes and coins by denomination, the card
 * terminal's settlement total and the M-PESA statement's. Within tolerance on
 * every method the till closes at once; beyond it the till waits for a branch
 * manager. A count while waiting is a recount, kept beside the first.
 */
export function countTill(ports: Ports, request: CountTillRequest, context: UseCaseContext): TillSessionRecord {
  const session = findTill(ports, request.tillSessionId);
  assertWorksTill(session, context, { managerMay: true });
  if (session.status === 'closed') throw conflict('tillSessionId', `Till ${session.number} is already closed`);

  const cash = countedTotal(request.counts, drawerDenominations(context.settings));
  const variances = varianceOfCount(ports.tills.facts(session.id), { cash, card: request.cardTotal, mpesa: request.mpesaTotal });
  // The tolerance is kept with the count, so a Z report reprinted after the setting changes still says what decided the close.
  const tolerance = cents(context.settings.tills.varianceTolerance);
  const line = { kind: 'count' as const, id: ports.newId(), tillSessionId: session.id, at: context.now, by: context.user.id, amount: cash, counts: request.counts, card: request.cardTotal, mpesa: request.mpesaTotal, variances, tolerance };
  writeTillLine(ports, line, context, 'till.counted', line);

  if (!closingDecision(variances, tolerance).needsApproval) return closeTill(ports, session, context);
  if (session.status === 'open') ports.tills.setStatus(session.id, 'awaiting_approval', null, null);
  return { ...session, status: 'awaiting_approval' };
}

/** A branch manager, not the cashier, approves a variance beyond tolerance with a reason; the till closes. */
export function approveClose(ports: Ports, request: { tillSessionId: string; reason: string }, approver: SignedInUser, context: UseCaseContext): TillSessionRecord {
  const session = findTill(ports, request.tillSessionId);
  if (session.status === 'closed') throw conflict('tillSessionId', `Till ${session.number} is already closed`);
  if (session.status === 'open') throw conflict('tillSessionId', `Till ${session.number} has not been counted yet`);
  if (!APPROVES.includes(approver.role)) throw new ApiError('FORBIDDEN', `${approver.displayName} is not a branch manager and cannot approve a till variance`, 'approval.username');
  if (approver.id === session.cashierId) throw new ApiError('FORBIDDEN', 'A variance on your own till must be approved by another manager', 'approval.username');

  const cashVariance = ports.tills.facts(session.id).lines.filter((l) => l.kind === 'count').at(-1)!.variances.find((v) => v.method === 'cash')!.variance;
  const line = { kind: 'variance_approval' as const, id: ports.newId(), tillSessionId: session.id, at: context.now, by: context.user.id, amount: cashVariance, reason: request.reason, approvedBy: approver.id };
  writeTillLine(ports, line, context, 'till.variance_approved', line);
  return closeTill(ports, session, context);
}

/**
 * The close: from here the till takes nothing more. Its closing posting
 * carries how many postings the session made and their total, which the
 * centre checks against what it received (the batch key of a cash desk).
 */
function closeTill(ports: Ports, session: TillSessionRecord, context: UseCaseContext): TillSessionRecord {
  const { count, total } = ports.outbox.tillTotals(session.id);
  ports.tills.setStatus(session.id, 'closed', context.now, context.user.id);
  const closed: TillSessionRecord = { ...session, status: 'closed', closedAt: context.now, closedBy: context.user.id };
  ports.tills.appendLine({ kind: 'close', id: ports.newId(), tillSessionId: session.id, at: context.now, by: context.user.id, amount: cents(0), postingCount: count, postingTotal: cents(total) });
  ports.audit.append({ id: ports.newId(), at: context.now, userId: context.user.id, action: 'till.closed', entity: 'till_session', entityId: session.id, before: { status: session.status }, after: { status: 'closed', postingCount: count, postingTotal: total } });
  const summary = tillSummary(ports.tills.facts(session.id));
  // Written last, so it is not in its own count: it is the batch's trailer.
  ports.outbox.add({ id: ports.newId(), kind: 'till.closed', aggregateId: session.id, accountId: tillAccount(session.id), amount: 0, tillSessionId: session.id, payload: { tillSessionId: session.id, postingCount: count, total, summary }, createdAt: context.now });
  return closed;
}
