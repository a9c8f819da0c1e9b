import type { Handlers } from '../../core/api/dispatch.js';
import { recordedPaymentDetails, withMethodLabel } from '../../core/payments/payment-views.js';
import { recordPayment } from '../../core/payments/record-payment.js';
import { localDate, type ServiceContext } from './context.js';
import { loadPaymentDetails } from './payment-details.js';

export function paymentHandlers({ store, clock }: ServiceContext): Pick<Handlers, 'payment-record' | 'payment-get' | 'payment-list-recent'> {
  return {
    'payment-record': (request, { user }) => {
      const settings = store.settings.get();
      const now = clock();
      const written = store.transaction(() => {
        const outcome = recordPayment(store.ports, request, { user: user!, settings, today: localDate(now), now: now.toISOString() });
        return outcome.repeated ? outcome : { ...outcome, balanceAfter: store.ledger.balance(outcome.consumer.id) };
      });
      if (written.repeated) return loadPaymentDetails(store, written.paymentId);
      return recordedPaymentDetails(written.record, { consumer: written.consumer, recordedByName: user!.displayName, items: written.items, balanceAfter: written.balanceAfter }, settings);
    },
    'payment-get': ({ paymentId }) => loadPaymentDetails(store, paymentId),
    'payment-list-recent': ({ limit }) => {
      const settings = store.settings.get();
      return store.payments.recent(limit).map((p) => withMethodLabel(p, settings));
    },
  };
}
