import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type { Cents } from '../money.js';
import type { ItemKind } from '../accounts/account.js';

/**
 * A line on the consumer's statement. Positive amounts raise what the
 * consumer owes (a bill, a service charge), negative ones lower it (a payment,
 * a credit). Lines are never edited: a mistake is corrected by a new line.
 */
export type LedgerEntryKind = 'charge' | 'payment' | 'reversal' | 'adjustment';

export interface LedgerLineDraft {
  id: string;
  consumerId: string;
  entryKind: LedgerEntryKind;
  itemKind: ItemKind | null;
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
 * Each line's hash covers the previous line's hash and every field of its
 * own, so changing, removing or reordering any line behind the application's
 * back breaks the chain from that line on.
 */
export function ledgerLineHash(prevHash: string, line: LedgerLineDraft): string {
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
  return bytesToHex(sha256(utf8ToBytes(canonical)));
}

export function chain(prevHash: string, drafts: readonly LedgerLineDraft[]): Array<LedgerLineDraft & { prevHash: string; hash: string }> {
  let previous = prevHash;
  return drafts.map((draft) => {
    const hash = ledgerLineHash(previous, draft);
    const line = { ...draft, prevHash: previous, hash };
    previous = hash;
    return line;
  });
}

export type ChainCheck = { ok: true; lines: number } | { ok: false; lines: number; brokenAtSeq: number; problem: string };

/** Walks lines in sequence order; `lines` is how many were checked. */
export function verifyChain(lines: Iterable<ChainedLedgerLine>): ChainCheck {
  let previous = GENESIS_HASH;
  let count = 0;
  for (const line of lines) {
    count++;
    if (line.prevHash !== previous) return { ok: false, lines: count, brokenAtSeq: line.seq, problem: 'a line before this one was changed, removed or inserted' };
    if (ledgerLineHash(previous, line) !== line.hash) return { ok: false, lines: count, brokenAtSeq: line.seq, problem: 'this line was changed' };
    previous = line.hash;
  }
  return { ok: true, lines: count };
}
