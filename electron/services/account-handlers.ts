import { notFound } from '../../core/api/errors.js';
import type { Handlers } from '../../core/api/dispatch.js';
import { creditNoteBrief } from '../../core/credit-notes/credit-note.js';
import { withMethodLabel } from '../../core/payments/payment-views.js';
import { applyPaymentModes } from '../../core/settings/payment-modes.js';
import type { ServiceContext } from './context.js';

export function accountHandlers({ store, clock }: ServiceContext): Pick<Handlers, 'consumer-search' | 'consumer-account' | 'settings-get' | 'printer-set' | 'settings-payment-modes-set' | 'settings-tills-set'> {
  return {
    'consumer-search': ({ query, limit }) => store.consumers.search(query, limit),
    'consumer-account': ({ consumerId }) => {
      const consumer = store.consumers.byId(consumerId);
      if (!consumer) throw notFound('consumerId', 'No consumer with this id');
      const open = store.items.open(consumerId);
      const settings = store.settings.get();
      return {
        consumer,
        balance: store.ledger.balance(consumerId),
        bills: open.filter((i) => i.kind === 'bill'),
        services: open.filter((i) => i.kind === 'service'),
        installments: open.filter((i) => i.kind === 'installment'),
        recentPayments: store.payments.recent(10, consumerId).map((p) => withMethodLabel(p, settings)),
        credit: store.creditNotes
          .ofConsumer(consumerId)
          .map(({ record, usage }) => creditNoteBrief(record, usage))
          .filter((note) => note.status === 'active'),
      };
    },
    'settings-get': () => store.settings.get(),
    'printer-set': (printer, { user }) =>
      store.transaction(() => {
        const before = store.settings.get();
        const after = store.settings.save({ ...before, printer });
        store.audit.append({ id: store.newId(), at: clock().toISOString(), userId: user!.id, action: 'settings.printer', entity: 'settings', entityId: 'printer', before: before.printer, after: after.printer });
        return after;
      }),
    'settings-payment-modes-set': (modes, { user }) =>
      store.transaction(() => {
        const before = store.settings.get();
        const after = store.settings.save(applyPaymentModes(before, modes));
        const { paymentMethods, channels, overpaymentLimit, creditNoteValidityMonths, notesMaxLength } = before;
        store.audit.append({ id: store.newId(), at: clock().toISOString(), userId: user!.id, action: 'settings.payment_modes', entity: 'settings', entityId: 'payment_modes', before: { paymentMethods, channels, overpaymentLimit, creditNoteValidityMonths, notesMaxLength }, after: modes });
        return after;
      }),
    'settings-tills-set': (tills, { user }) =>
      store.transaction(() => {
        const before = store.settings.get();
        // Largest first, as the drawer and the count form list them.
        const after = store.settings.save({ ...before, tills: { ...tills, denominations: [...tills.denominations].sort((a, b) => b.value - a.value) } });
        store.audit.append({ id: store.newId(), at: clock().toISOString(), userId: user!.id, action: 'settings.tills', entity: 'settings', entityId: 'tills', before: before.tills, after: after.tills });
        return after;
      }),
  };
}
