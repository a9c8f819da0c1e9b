import { asc, gt, sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { chain, GENESIS_HASH, verifyChain, type ChainCheck, type ChainedLedgerLine, type LedgerLineDraft } from '../../core/ledger/ledger-line.js';
import { cents, type Cents } from '../../core/money.js';
import type { CounterDb } from '../connection.js';
import { preparedInsert } from '../prepared-insert.js';
import { ledgerLines } from '../schema.js';

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function ledgerRepository(db: CounterDb) {
  // Both run inside every payment's transaction; raw statements skip drizzle's per-call mapping.
  const lastHash = db.$client.prepare<[], string>('select hash from ledger_lines order by seq desc limit 1').pluck();
  const balance = db.$client.prepare<[string], number>('select coalesce(sum(amount), 0) from ledger_lines where consumer_id = ?').pluck();
  const insertLine = preparedInsert(db, ledgerLines);
  const ofPayment = db.$client.prepare<[string], LedgerLineDraft>(
    `select id, consumer_id as consumerId, entry_kind as entryKind, item_kind as itemKind, item_id as itemId, payment_id as paymentId, amount,
            description, created_at as createdAt, created_by as createdBy from ledger_lines where payment_id = ? order by seq`,
  );
  const cached = db.$client.prepare<[string], number>('select balance from consumer_balances where consumer_id = ?').pluck();

  /** Every line in order, a page at a time, for the integrity check. */
  function* lines(pageSize = 5000): Generator<ChainedLedgerLine> {
    let after = 0;
    for (;;) {
      const page = db.select().from(ledgerLines).where(gt(ledgerLines.seq, after)).orderBy(asc(ledgerLines.seq)).limit(pageSize).all();
      for (const row of page) yield { ...row, amount: cents(row.amount) } as ChainedLedgerLine;
      if (page.length < pageSize) return;
      after = page[page.length - 1]!.seq;
    }
  }

  return {
    /** Appends in order, each line chained to the one before; call inside the use case's transaction. */
    append(drafts: readonly LedgerLineDraft[]): void {
      if (drafts.length === 0) return;
      const previous = lastHash.get() ?? GENESIS_HASH;
      for (const line of chain(sha256Hex, previous, drafts)) insertLine(line);
    },

    linesOfPayment(paymentId: string): LedgerLineDraft[] {
      return ofPayment.all(paymentId);
    },

    /** The balance the trigger keeps beside the ledger; tests hold it equal to balance(). */
    cachedBalance(consumerId: string): Cents {
      return cents(cached.get(consumerId) ?? 0);
    },

    balance(consumerId: string): Cents {
      return cents(balance.get(consumerId)!);
    },

    /** The consumer's balance as it stood right after the given payment's lines. */
    balanceAfterPayment(consumerId: string, paymentId: string): Cents {
      const row = db.get<{ total: number }>(
        sql`select coalesce(sum(amount), 0) as total from ledger_lines
             where consumer_id = ${consumerId} and seq <= (select max(seq) from ledger_lines where payment_id = ${paymentId} and entry_kind != 'reversal')`,
      );
      return cents(row?.total ?? 0);
    },

    /** Walks the whole chain: whether any line was changed, removed or inserted behind the application's back. */
    verify(): ChainCheck {
      return verifyChain(sha256Hex, lines());
    },

    lines,

  };
}
