import { cents } from '../../core/money.js';
import type { CreditApplication, NoteEvent } from '../../core/workspace/credit-note-trail.js';
import type { CounterDb } from '../connection.js';

/**
 * What a credit note's trail is made of, as recorded elsewhere: the payments
 * that spent it (with their reversals) and the audit entries about the note
 * (its expiry, its cancellation, each print attempt). User ids come back as
 * display names.
 */
export function creditNoteHistoryRepository(db: CounterDb) {
  const sqlite = db.$client;
  const applications = sqlite.prepare<[string], { receiptNumber: string; amount: number; at: string; by: string; reversalNumber: string | null; reversedAt: string | null; reversedBy: string | null; approvedBy: string | null; reason: string | null }>(
    `select p.receipt_number as receiptNumber, p.amount, p.recorded_at as at, u.display_name as by,
            r.number as reversalNumber, r.at as reversedAt, ru.display_name as reversedBy, au.display_name as approvedBy, r.reason
       from payments p join users u on u.id = p.recorded_by
       left join payment_reversals r on r.payment_id = p.id left join users ru on ru.id = r.reversed_by left join users au on au.id = r.approved_by
      where p.applied_credit_note_id = ? order by p.recorded_at, p.rowid`,
  );
  const audited = sqlite.prepare<[string], { at: string; by: string; action: string; before: string | null; after: string | null }>(
    `select a.at, coalesce(u.display_name, a.user_id) as by, a.action, a.before, a.after
       from audit_entries a left join users u on u.id = a.user_id
      where a.entity = 'credit_note' and a.entity_id = ? and a.action in ('credit_note.expire', 'credit_note.cancel', 'document.print') order by a.seq`,
  );

  return {
    applications(creditNoteId: string): CreditApplication[] {
      return applications.all(creditNoteId).map((row) => ({
        receiptNumber: row.receiptNumber,
        amount: cents(row.amount),
        at: row.at,
        by: row.by,
        reversal: row.reversalNumber ? { number: row.reversalNumber, at: row.reversedAt!, by: row.reversedBy!, approvedBy: row.approvedBy!, reason: row.reason! } : null,
      }));
    },
    events(creditNoteId: string): NoteEvent[] {
      return audited.all(creditNoteId).map((row): NoteEvent => {
        const before = row.before ? (JSON.parse(row.before) as Record<string, unknown>) : {};
        const after = row.after ? (JSON.parse(row.after) as Record<string, unknown>) : {};
        switch (row.action) {
          case 'credit_note.expire':
            return { kind: 'expired', at: row.at, by: row.by, forfeited: cents(Number(before.remaining ?? 0)) };
          case 'credit_note.cancel':
            return { kind: 'cancelled', at: row.at, by: row.by, withdrawn: cents(Number(before.remaining ?? 0)), reversal: String(after.reversal ?? '') };
          default:
            return { kind: 'printed', at: row.at, by: row.by, copyNumber: Number(after.copyNumber ?? 0), error: typeof after.error === 'string' ? after.error : null };
        }
      });
    },
  };
}
