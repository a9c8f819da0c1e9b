import type { Handlers } from '../../core/api/dispatch.js';
import { notFound } from '../../core/api/errors.js';
import { CREDIT_NOTE_REASON_LABELS } from '../../core/credit-notes/credit-note.js';
import { methodLabel } from '../../core/payments/payment-views.js';
import { creditNoteTrail } from '../../core/workspace/credit-note-trail.js';
import { readSearch } from '../../core/workspace/search-terms.js';
import { creditNoteHistoryRepository } from '../../db/repositories/credit-note-history.js';
import { creditNoteSearchRepository } from '../../db/repositories/credit-note-search.js';
import { paymentSearchRepository } from '../../db/repositories/payment-search.js';
import type { ServiceContext } from './context.js';

type SearchCalls = 'payments-search' | 'payments-count' | 'credit-notes-search' | 'credit-note-audit';

/** The workspace's two tabs and a credit note's trail: reads only, for branch managers and administrators (the contract's access). */
export function searchHandlers(service: ServiceContext): Pick<Handlers, SearchCalls> {
  const { store } = service;
  const payments = paymentSearchRepository(store.db);
  const creditNotes = creditNoteSearchRepository(store.db);
  const history = creditNoteHistoryRepository(store.db);

  return {
    'payments-search': ({ query, ...criteria }) => {
      const settings = store.settings.get();
      const { rows, total, more } = payments.search({ ...criteria, search: readSearch(query) });
      return { rows: rows.map((row) => ({ ...row, methodLabel: methodLabel(settings, row.method) })), total, more };
    },
    'payments-count': ({ query, ...criteria }) => ({ total: payments.count({ ...criteria, search: readSearch(query) }) }),
    'credit-notes-search': ({ query, ...criteria }) => {
      const { rows, total } = creditNotes.search({ ...criteria, search: readSearch(query) });
      return {
        rows: rows.map(({ paymentId, receiptNumber, ...row }) => ({ ...row, reasonLabel: CREDIT_NOTE_REASON_LABELS[row.reason], linkedPayment: { id: paymentId, receiptNumber } })),
        total,
      };
    },
    'credit-note-audit': ({ creditNoteId }) => {
      const note = store.creditNotes.onHand(creditNoteId);
      if (!note) throw notFound('creditNoteId', 'No credit note with this id');
      const { record } = note;
      const approvedBy = store.creditNotes.approvedBy(record.id);
      const facts = {
        amount: record.amount,
        reason: record.reason,
        remarks: record.remarks,
        createdAt: record.createdAt,
        createdBy: store.users.displayName(record.createdBy),
        approvedBy: approvedBy ? store.users.displayName(approvedBy) : null,
        receiptNumber: store.payments.facts(record.paymentId)!.receiptNumber,
        expiresOn: record.expiresOn,
      };
      return creditNoteTrail(facts, history.applications(record.id), history.events(record.id), store.settings.get().currency);
    },
  };
}
