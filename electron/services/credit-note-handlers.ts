import type { Handlers } from '../../core/api/dispatch.js';
import { APPROVES } from '../../core/auth/roles.js';
import { CREDIT_NOTE_REASON_LABELS, CREDIT_NOTE_REASONS, creditNoteMaximum, REMARKS_MAX_LENGTH } from '../../core/credit-notes/credit-note.js';
import { createCreditNote, creditablePayment, creditedOnPayment } from '../../core/credit-notes/create-credit-note.js';
import { formatNumber, sequenceScope } from '../../core/numbering/number-format.js';
import { methodLabel } from '../../core/payments/payment-views.js';
import { approverFrom } from './approval.js';
import { localDate, useCaseContext, type ServiceContext } from './context.js';
import { loadCreditNoteDetails } from './payment-details.js';

export function creditNoteHandlers(service: ServiceContext): Pick<Handlers, 'credit-note-draft' | 'credit-note-create' | 'credit-note-get'> {
  const { store, clock } = service;
  return {
    'credit-note-draft': ({ paymentId }, { user }) => {
      const payment = creditablePayment(store.ports, paymentId);
      const consumer = store.consumers.byId(payment.consumerId)!;
      const settings = store.settings.get();
      const alreadyCredited = creditedOnPayment(store.ports, paymentId);
      const year = Number(localDate(clock()).slice(0, 4));
      const format = settings.numberFormats.creditNote;
      // What the next note will be called; the number itself is only taken when the note is created.
      const next = store.sequences.peek(sequenceScope('creditNote', format, year), format.start);
      return {
        payment: {
          id: payment.id,
          receiptNumber: payment.receiptNumber,
          consumerName: consumer.name,
          accountNumber: consumer.accountNumber,
          amount: payment.amount,
          paymentDate: payment.paymentDate,
          methodLabel: methodLabel(settings, payment.method),
        },
        nextNumber: formatNumber(format, next, year, settings.terminalCode),
        maximum: creditNoteMaximum(payment.amount, alreadyCredited),
        alreadyCredited,
        reasons: CREDIT_NOTE_REASONS.map((code) => ({ code, label: CREDIT_NOTE_REASON_LABELS[code] })),
        remarksMaxLength: REMARKS_MAX_LENGTH,
        needsApproval: !APPROVES.includes(user!.role),
      };
    },
    'credit-note-create': ({ paymentId, amount, reason, remarks, approval }, { user }) => {
      const approver = approval ? approverFrom(service, approval) : null;
      const note = store.transaction(() => createCreditNote(store.ports, { id: store.newId(), paymentId, amount, reason, remarks }, approver, useCaseContext(store, clock, user!)));
      return loadCreditNoteDetails(store, note.id);
    },
    'credit-note-get': ({ creditNoteId }) => loadCreditNoteDetails(store, creditNoteId),
  };
}
