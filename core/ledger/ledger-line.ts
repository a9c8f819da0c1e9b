import type { Cents } from '../money.js';
import type { ItemKind } from '../accounts/account.js';

/**
 * A line on the consumer's statement. Positive amounts raise what the
 * consumer owes (a bill, a service charge), negative ones lower it (a payment,
 * a credit). Lines are never edited: a mistake is corrected by a new line.
 */
export type LedgerEntryKind = 'charge' | 'payment' | 'reversal' | 'adjustment' | 'credit_issued' | 'credit_applied' | 'credit_expired';

/** What a line is against: a payable item, or a credit note whose remaining credit is minus the sum of its lines. */
export type LedgerItemKind = ItemKind | 'credit_note';

export interface LedgerLineDraft {
  id: string;
  consumerId: string;
  entryKind: LedgerEntryKind;
  itemKind: LedgerItemKind | null;
  itemId: string | null;
  paymentId: string | null;
  amount: Cents;
  description: string;
  createdAt: string;
  createdBy: string;
}

export interface ChainedLedgerLine extends LedgerLineDraft {
  seq: number;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * SHA-256 of a UTF-8 string, as lowercase hex. Passed in so core stays free
 * of platform code: db/ hands over Node's native one, which a counter taking
 * one payment every few minutes needs (a JavaScript SHA-256 never gets warm
 * enough to cost less than a third of a millisecond).
 */
export type Sha256Hex = (text: string) => string;

/**
 * Each line's hash covers the previous line's hash and every field of its
 * own, so changing, removing or reordering any line behind the application's
 * back breaks the chain from that line on.
 */
export function ledgerLineHash(sha256Hex: Sha256Hex, prevHash: string, line: LedgerLineDraft): string {
  const canonical = JSON.stringify([
    prevHash,
    line.id,
    line.consumerId,
    line.entryKind,
    line.itemKind,
    line.itemId,
    line.paymentId,
    line.amount,
    line.description,
    line.createdAt,
    line.createdBy,
  ]);
  return sha256Hex(canonical);
}

/** The hash of each draft in turn, the first chained to `prevHash`: a line's prevHash is the hash before it. */
export function chainHashes(sha256Hex: Sha256Hex, prevHash: string, drafts: readonly LedgerLineDraft[]): string[] {
  let previous = prevHash;
  return drafts.map((draft) => (previous = ledgerLineHash(sha256Hex, previous, draft)));
}

export type ChainCheck = { ok: true; lines: number } | { ok: false; lines: number; brokenAtSeq: number; problem: string };

/** Walks lines in sequence order; `lines` is how many were checked. */
export function verifyChain(sha256Hex: Sha256Hex, lines: Iterable<ChainedLedgerLine>): ChainCheck {
  let previous = GENESIS_HASH;
  let count = 0;
  for (const line of lines) {
    count++;
    if (line.prevHash !== previous) return { ok: false, lines: count, brokenAtSeq: line.seq, problem: 'a line before this one was changed, removed or inserted' };
    if (ledgerLineHash(sha256Hex, previous, line) !== line.hash) return { ok: false, lines: count, brokenAtSeq: line.seq, problem: 'this line was changed' };
    previous = line.hash;
  }
  return { ok: true, lines: count };
}
