import type { Handlers } from '../../core/api/dispatch.js';
import { correctPayment } from '../../core/payments/correct-payment.js';
import { recordedPaymentDetails, withMethodLabel } from '../../core/payments/payment-views.js';
import { recordPayment, type RecordPaymentOutcome } from '../../core/payments/record-payment.js';
import { reversePayment } from '../../core/payments/reverse-payment.js';
import { verifyPayment } from '../../core/payments/verify-payment.js';
import type { SignedInUser } from '../../core/auth/roles.js';
import { approverFrom } from './approval.js';
import { useCaseContext, type ServiceContext } from './context.js';
import { loadPaymentDetails } from './payment-details.js';

type PaymentCalls = 'payment-record' | 'payment-get' | 'payment-list-recent' | 'payment-verify' | 'payment-reverse' | 'payment-correct';

export function paymentHandlers(service: ServiceContext): Pick<Handlers, PaymentCalls> {
  const { store, clock } = service;

  /** Records inside one transaction and answers from what was written; a repeat reads the stored payment back. */
  function record(user: SignedInUser, write: (context: ReturnType<typeof useCaseContext>) => RecordPaymentOutcome) {
    const context = useCaseContext(store, clock, user);
    const { written, balanceAfter } = store.transaction(() => {
      const outcome = write(context);
      return { written: outcome, balanceAfter: outcome.repeated ? 0 : store.ledger.balance(outcome.consumer.id) };
    });
    if (written.repeated) return loadPaymentDetails(store, written.paymentId, clock());
    const { record, consumer, items, creditNote, credit } = written;
    const appliedCreditNote = credit ? { id: credit.id, number: credit.number } : null;
    return recordedPaymentDetails({ record, consumer, items, creditNote, appliedCreditNote }, { recordedByName: user.displayName, balanceAfter, now: context.now }, context.settings);
  }

  return {
    'payment-record': (request, { user }) => record(user!, (context) => recordPayment(store.ports, request, context)),
    'payment-get': ({ paymentId }) => loadPaymentDetails(store, paymentId, clock()),
    'payment-list-recent': ({ limit }) => {
      const settings = store.settings.get();
      return store.payments.recent(limit).map((p) => withMethodLabel(p, settings));
    },
    'payment-verify': ({ paymentId }, { user }) => {
      store.transaction(() => verifyPayment(store.ports, paymentId, useCaseContext(store, clock, user!)));
      return loadPaymentDetails(store, paymentId, clock());
    },
    'payment-reverse': ({ paymentId, reason, approval }, { user }) => {
      const approver = approverFrom(service, approval);
      store.transaction(() => reversePayment(store.ports, { id: store.newId(), paymentId, reason }, approver, useCaseContext(store, clock, user!)));
      return loadPaymentDetails(store, paymentId, clock());
    },
    'payment-correct': ({ paymentId, reason, replacement }, { user }) =>
      record(user!, (context) => correctPayment(store.ports, { reversalId: store.newId(), paymentId, reason, replacement }, context)),
  };
}
