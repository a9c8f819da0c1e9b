import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cents } from '../money.js';
import { chainHashes, GENESIS_HASH, ledgerLineHash, verifyChain, type ChainedLedgerLine, type LedgerLineDraft, type Sha256Hex } from './ledger-line.js';

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

const draft = (n: number, amount: number, description: string): LedgerLineDraft => ({
  id: `line-${n}`,
  consumerId: 'consumer-1',
  entryKind: amount > 0 ? 'charge' : 'payment',
  itemKind: 'bill',
  itemId: 'bill-1',
  paymentId: amount > 0 ? null : 'payment-1',
  amount: cents(amount),
  description,
  createdAt: `2026-04-2${n}T09:00:00.000Z`,
  createdBy: 'u1',
});

/** Drafts with their chain, as the ledger repository stores them. */
function chain(sha: Sha256Hex, prevHash: string, drafts: readonly LedgerLineDraft[]) {
  const hashes = chainHashes(sha, prevHash, drafts);
  return drafts.map((draft, i) => ({ ...draft, prevHash: i === 0 ? prevHash : hashes[i - 1]!, hash: hashes[i]! }));
}

/** Five lines as the ledger stores them: chained from the start, numbered 1 to 5. */
function ledger(): ChainedLedgerLine[] {
  const drafts = [
    draft(1, 14550, 'Bill INV-2025-000300'),
    draft(2, -10000, 'Cash payment, receipt RCT-0001'),
    draft(3, 20000, 'Bill INV-2025-000400'),
    draft(4, -4550, 'M-PESA payment, receipt RCT-0002'),
    draft(5, -20000, 'Card payment, receipt RCT-0003'),
  ];
  return chain(sha256Hex, GENESIS_HASH, drafts).map((line, i) => ({ ...line, seq: i + 1 }));
}

describe('the ledger hash chain', () => {
  it('a ledger kept by the application verifies, counting every line', () => {
    expect(verifyChain(sha256Hex, ledger())).toEqual({ ok: true, lines: 5 });
  });

  it('an empty ledger verifies', () => {
    expect(verifyChain(sha256Hex, [])).toEqual({ ok: true, lines: 0 });
  });

  it('each line points at the hash of the line before it, the first at the genesis hash', () => {
    const lines = ledger();
    expect(lines[0]!.prevHash).toBe(GENESIS_HASH);
    expect(lines.slice(1).map((l) => l.prevHash)).toEqual(lines.slice(0, -1).map((l) => l.hash));
    expect(lines[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a tampered amount is caught at the line it was changed', () => {
    const lines = ledger();
    lines[2] = { ...lines[2]!, amount: cents(2000) };
    expect(verifyChain(sha256Hex, lines)).toEqual({ ok: false, lines: 3, brokenAtSeq: 3, problem: 'this line was changed' });
  });

  it('a reworded description is caught at the line it was changed', () => {
    const lines = ledger();
    lines[3] = { ...lines[3]!, description: 'Cash payment, receipt RCT-0002' };
    expect(verifyChain(sha256Hex, lines)).toEqual({ ok: false, lines: 4, brokenAtSeq: 4, problem: 'this line was changed' });
  });

  it('a tampered line whose hash was recomputed is caught at the line after it', () => {
    const lines = ledger();
    const forged = { ...lines[1]!, amount: cents(-1000) };
    lines[1] = { ...forged, hash: ledgerLineHash(sha256Hex, forged.prevHash, forged) };
    expect(verifyChain(sha256Hex, lines)).toEqual({ ok: false, lines: 3, brokenAtSeq: 3, problem: 'a line before this one was changed, removed or inserted' });
  });

  it('a line deleted from the middle is caught at the line that followed it', () => {
    const lines = ledger();
    lines.splice(2, 1);
    expect(verifyChain(sha256Hex, lines)).toEqual({ ok: false, lines: 3, brokenAtSeq: 4, problem: 'a line before this one was changed, removed or inserted' });
  });

  it('two lines swapped are caught at the first one out of place', () => {
    const lines = ledger();
    [lines[1], lines[2]] = [lines[2]!, lines[1]!];
    expect(verifyChain(sha256Hex, lines)).toEqual({ ok: false, lines: 2, brokenAtSeq: 3, problem: 'a line before this one was changed, removed or inserted' });
  });

  it('new lines chained onto the last hash keep the whole ledger verifiable', () => {
    const lines = ledger();
    const more = chain(sha256Hex, lines.at(-1)!.hash, [draft(6, 5000, 'Reconnection fee')]).map((line) => ({ ...line, seq: 6 }));
    expect(verifyChain(sha256Hex, [...lines, ...more])).toEqual({ ok: true, lines: 6 });
  });
});
