import { CREDIT_NOTE_REASON_LABELS, type CreditNoteReason } from '../credit-notes/credit-note.js';
import { formatMoneyAscii, type Cents } from '../money.js';

/**
 * A credit note's history in words, oldest first, for its details view:
 * who created it and why, who approved it, each payment that spent its credit
 * and any reversal that gave the credit back, its expiry or cancellation, and
 * every print. Built from what the note, its payments and the audit trail
 * already record; nothing here is stored.
 */

export interface TrailEntry {
  at: string;
  by: string;
  action: 'created' | 'approved' | 'applied' | 'application_reversed' | 'expired' | 'cancelled' | 'printed' | 'print_failed';
  text: string;
}

export interface CreditNoteFacts {
  amount: Cents;
  reason: CreditNoteReason;
  remarks: string | null;
  createdAt: string;
  createdBy: string;
  /** Who approved a note made by hand; null for an overpayment's, which the payment made. */
  approvedBy: string | null;
  receiptNumber: string;
  expiresOn: string;
}

/** A payment that spent the note's credit, and its reversal if it was reversed. */
export interface CreditApplication {
  receiptNumber: string;
  amount: Cents;
  at: string;
  by: string;
  reversal: { number: string; at: string; by: string; approvedBy: string; reason: string } | null;
}

/** What the audit trail says happened to the note itself: expiry, cancellation, prints. */
export type NoteEvent =
  | { kind: 'expired'; at: string; by: string; forfeited: Cents }
  | { kind: 'cancelled'; at: string; by: string; withdrawn: Cents; reversal: string }
  | { kind: 'printed'; at: string; by: string; copyNumber: number; error: string | null };

export function creditNoteTrail(note: CreditNoteFacts, applications: readonly CreditApplication[], events: readonly NoteEvent[], currency: string): TrailEntry[] {
  const money = (amount: Cents) => formatMoneyAscii(amount, currency);
  const entries: TrailEntry[] = [];
  const remarks = note.remarks ? ` Remarks: ${note.remarks}` : '';
  entries.push({
    at: note.createdAt,
    by: note.createdBy,
    action: 'created',
    text: `Created for ${money(note.amount)} on receipt ${note.receiptNumber}, reason ${CREDIT_NOTE_REASON_LABELS[note.reason]}, valid until ${note.expiresOn}.${remarks}`,
  });
  if (note.approvedBy) entries.push({ at: note.createdAt, by: note.approvedBy, action: 'approved', text: `Approved by ${note.approvedBy}.` });
  for (const application of applications) {
    entries.push({ at: application.at, by: application.by, action: 'applied', text: `${money(application.amount)} applied on receipt ${application.receiptNumber}.` });
    const reversal = application.reversal;
    if (reversal) {
      entries.push({
        at: reversal.at,
        by: reversal.by,
        action: 'application_reversed',
        text: `Receipt ${application.receiptNumber} reversed (${reversal.number}), approved by ${reversal.approvedBy}: ${money(application.amount)} of credit given back. Reason: ${reversal.reason}`,
      });
    }
  }
  for (const event of events) {
    switch (event.kind) {
      case 'expired':
        entries.push({ at: event.at, by: event.by, action: 'expired', text: `Expired after ${note.expiresOn}: ${money(event.forfeited)} unused credit forfeited.` });
        break;
      case 'cancelled':
        entries.push({ at: event.at, by: event.by, action: 'cancelled', text: `Cancelled by reversal ${event.reversal} of receipt ${note.receiptNumber}: ${money(event.withdrawn)} of credit withdrawn.` });
        break;
      case 'printed': {
        const which = event.copyNumber === 0 ? 'original' : event.copyNumber === 1 ? 'copy' : `copy ${event.copyNumber}`;
        entries.push(
          event.error
            ? { at: event.at, by: event.by, action: 'print_failed', text: `Print (${which}) failed: ${event.error}` }
            : { at: event.at, by: event.by, action: 'printed', text: `Printed (${which}).` },
        );
        break;
      }
    }
  }
  // Oldest first; what happened at the same instant keeps the order above (created before approved).
  return entries.map((entry, order) => ({ entry, order })).sort((a, b) => a.entry.at.localeCompare(b.entry.at) || a.order - b.order).map(({ entry }) => entry);
}
