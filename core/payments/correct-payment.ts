import { ApiError, invalid } from '../api/errors.js';
import type { Ports } from '../ports.js';
import type { PaymentRequest } from './payment-rules.js';
import { recordPayment, type RecordPaymentOutcome, type UseCaseContext } from './record-payment.js';
import { reversePayment } from './reverse-payment.js';
import { tillForReversal } from '../tills/payment-till.js';

/**
 * An administrator's edit of a posted payment. Posted money is never edited:
 * the payment is reversed (the administrator's authority is the approval) and
 * the corrected one recorded, in the caller's one transaction.
 */
export function correctPayment(
  ports: Ports,
  request: { reversalId: string; paymentId: string; reason: string; replacement: PaymentRequest },
  context: UseCaseContext,
): RecordPaymentOutcome {
  const original = ports.payments.facts(request.paymentId);
  if (original && original.consumerId !== request.replacement.consumerId) throw invalid('replacement.consumerId', 'A correction is for the same consumer; record a new payment for another');
  if (request.replacement.id === request.paymentId) throw invalid('replacement.id', 'The corrected payment needs an id of its own');
  // The corrected payment takes the reversed one's place in the same drawer, so the drawer's cash does not move.
  const till = tillForReversal(ports, context, original?.tillSessionId ?? null);
  reversePayment(ports, { id: request.reversalId, paymentId: request.paymentId, reason: request.reason, replacementPaymentId: request.replacement.id }, context.user, context, till);
  try {
    return recordPayment(ports, request.replacement, context, till);
  } catch (error) {
    // The corrected payment's fields sit under "replacement" in the call, as its schema errors do.
    if (error instanceof ApiError && error.field) throw new ApiError(error.code, error.message, `replacement.${error.field}`);
    throw error;
  }
}
