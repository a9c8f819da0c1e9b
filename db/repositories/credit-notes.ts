import { creditUsageOf, type CreditNoteRecord } from '../../core/credit-notes/credit-note.js';
import type { CreditNoteOnHand } from '../../core/ports.js';
import type { CounterDb } from '../connection.js';
import { preparedInsert } from '../prepared-insert.js';
import { creditNotes } from '../schema.js';

const COLUMNS = `id, number, consumer_id as consumerId, payment_id as paymentId, amount, reason, remarks, issued_on as issuedOn,
                 expires_on as expiresOn, created_at as createdAt, created_by as createdBy`;

/** Credit notes, each with its usage read from its ledger lines (the only place what is left of a note lives). */
export function creditNotesRepository(db: CounterDb) {
  const insertNote = preparedInsert(db, creditNotes);
  const byId = db.$client.prepare<[string], CreditNoteRecord>(`select ${COLUMNS} from credit_notes where id = ?`);
  const byPayment = db.$client.prepare<[string], CreditNoteRecord>(`select ${COLUMNS} from credit_notes where payment_id = ? order by number`);
  const byConsumer = db.$client.prepare<[string], CreditNoteRecord>(`select ${COLUMNS} from credit_notes where consumer_id = ? order by expires_on, number`);
  const pastExpiry = db.$client.prepare<[string], CreditNoteRecord>(`select ${COLUMNS} from credit_notes where expires_on < ? order by expires_on, number`);
  const linesOf = db.$client.prepare<[string], { entryKind: string; amount: number }>(
    `select entry_kind as entryKind, amount from ledger_lines where item_kind = 'credit_note' and item_id = ? order by seq`,
  );
  const approverOf = db.$client.prepare<[string], string | null>('select approved_by from credit_notes where id = ?').pluck();
  const applications = db.$client.prepare<[string], { paymentId: string; receiptNumber: string; at: string; amount: number; status: string }>(
    `select id as paymentId, receipt_number as receiptNumber, recorded_at as at, amount, status from payments where applied_credit_note_id = ? order by recorded_at`,
  );

  const onHand = (record: CreditNoteRecord): CreditNoteOnHand => ({ record, usage: creditUsageOf(linesOf.all(record.id)) });

  return {
    insert(note: CreditNoteRecord, approvedBy: string | null): void {
      insertNote({ ...note, approvedBy });
    },
    onHand(id: string): CreditNoteOnHand | undefined {
      const record = byId.get(id);
      return record && onHand(record);
    },
    onPayment(paymentId: string): CreditNoteOnHand[] {
      return byPayment.all(paymentId).map(onHand);
    },
    ofConsumer(consumerId: string): CreditNoteOnHand[] {
      return byConsumer.all(consumerId).map(onHand);
    },
    expiredWithCredit(today: string): CreditNoteOnHand[] {
      return pastExpiry
        .all(today)
        .map(onHand)
        .filter(({ usage }) => usage.amount - usage.applied - usage.withdrawn > 0);
    },
    approvedBy(id: string): string | null {
      return approverOf.get(id) ?? null;
    },
    /** The payments that spent this note's credit. */
    applications(id: string) {
      return applications.all(id);
    },
  };
}
