import { conflict } from '../api/errors.js';
import type { Ports } from '../ports.js';
import type { UseCaseContext } from '../payments/record-payment.js';
import type { TillSessionRecord } from './till-session.js';
import { assertOpen, findTill } from './till-use-case.js';

/**
 * The till a payment is taken into: the cashier's own open till on this
 * terminal. When the screen names a till (the one it showed as open) that
 * till must be that one: a payment never lands in a closed drawer or in
 * somebody else's.
 */
export function tillForPayment(ports: Ports, context: UseCaseContext, named?: string): TillSessionRecord {
  if (named) {
    const session = findTill(ports, named);
    if (session.cashierId !== context.user.id) throw conflict('tillSessionId', `Till ${session.number} belongs to another cashier; take payments into your own till`);
    assertOpen(session);
    return session;
  }
  const own = ports.tills.openOf(context.user.id, context.settings.terminalCode);
  if (!own) throw conflict('till', 'Open a till before taking payments');
  assertOpen(own);
  return own;
}

/**
 * Where the money of a reversal or a correction goes: back through the
 * drawer that took the payment while that till is still open, otherwise
 * through the acting user's own open till. With neither, it is refused: the
 * refund must come out of a drawer that will be counted.
 */
export function tillForReversal(ports: Ports, context: UseCaseContext, paymentTillId: string | null): TillSessionRecord {
  const original = paymentTillId ? ports.tills.session(paymentTillId) : undefined;
  if (original?.status === 'open') return original;
  const own = ports.tills.openOf(context.user.id, context.settings.terminalCode);
  if (own?.status === 'open') return own;
  const closed = original ? `Till ${original.number} that took it is closed; ` : '';
  throw conflict('till', `${closed}open a till of your own to reverse this payment`);
}
