import { ApiError, conflict, invalid } from '../api/errors.js';
import { APPROVES, type SignedInUser } from '../auth/roles.js';
import { formatMoneyAscii, type Cents } from '../money.js';
import type { Ports } from '../ports.js';
import type { UseCaseContext } from '../payments/record-payment.js';
import { expectedByMethod } from './till-report.js';
import { assertOpen, assertWorksTill, findTill, writeTillLine } from './till-use-case.js';

export interface CashMoveRequest {
  id: string;
  tillSessionId: string;
  direction: 'in' | 'out';
  amount: Cents;
  reason: string;
}

/**
 * Cash put into or taken out of a drawer during the day: a float top-up,
 * petty cash, a safe drop. Above the configured amount a branch manager
 * approves with their PIN; no cash out may take more than the drawer should
 * hold. A repeat of the same id adds nothing.
 */
export function moveCash(ports: Ports, request: CashMoveRequest, approver: SignedInUser | null, context: UseCaseContext): void {
  if (ports.tills.hasLine(request.id)) return;
  const session = findTill(ports, request.tillSessionId);
  assertWorksTill(session, context, { managerMay: false });
  assertOpen(session);

  const money = (amount: Cents) => formatMoneyAscii(amount, context.settings.currency);
  const limit = context.settings.tills.cashMovementApprovalAbove as Cents;
  if (request.amount > limit) {
    if (!approver) throw invalid('approval', `Cash ${request.direction} above ${money(limit)} needs a branch manager's approval`);
    if (!APPROVES.includes(approver.role)) throw new ApiError('FORBIDDEN', `${approver.displayName} is not a branch manager and cannot approve cash ${request.direction}`, 'approval.username');
  }
  if (request.direction === 'out') {
    const inDrawer = expectedByMethod(ports.tills.facts(session.id)).cash;
    if (request.amount > inDrawer) throw conflict('amount', `Only ${money(inDrawer)} should be in the drawer; a cash out cannot take more`);
  }

  const approvedBy = request.amount > limit ? approver!.id : null;
  const line = { kind: request.direction === 'in' ? ('cash_in' as const) : ('cash_out' as const), id: request.id, tillSessionId: session.id, at: context.now, by: context.user.id, amount: request.amount, reason: request.reason, approvedBy };
  writeTillLine(ports, line, context, 'till.cash_moved', line);
}
