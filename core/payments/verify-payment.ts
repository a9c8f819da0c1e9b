import { conflict, notFound } from '../api/errors.js';
import type { Ports } from '../ports.js';
import type { UseCaseContext } from './record-payment.js';

/** A pending payment (M-PESA, bank transfer, online) marked verified by a permitted user once the money is seen (AC23). */
export function verifyPayment(ports: Ports, paymentId: string, context: UseCaseContext): void {
  const payment = ports.payments.facts(paymentId);
  if (!payment) throw notFound('paymentId', 'No payment with this id');
  if (payment.verification === 'verified') throw conflict('paymentId', `Receipt ${payment.receiptNumber} is already verified`);
  if (payment.status === 'reversed' || payment.status === 'failed') throw conflict('paymentId', `Receipt ${payment.receiptNumber} is ${payment.status} and cannot be verified`);
  ports.payments.markVerified(paymentId, context.user.id, context.now);
  ports.audit.append({ id: ports.newId(), at: context.now, userId: context.user.id, action: 'payment.verify', entity: 'payment', entityId: paymentId, before: { verification: 'pending' }, after: { verification: 'verified' } });
  ports.outbox.add({ id: ports.newId(), kind: 'payment.verified', aggregateId: paymentId, accountId: payment.consumerId, amount: 0, tillSessionId: null, payload: { paymentId, verifiedBy: context.user.id, at: context.now }, createdAt: context.now });
}
