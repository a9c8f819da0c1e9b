import { asc, gt, sql } from 'drizzle-orm';
import type { Statement } from 'better-sqlite3';
import { hash } from 'node:crypto';
import { chainHashes, GENESIS_HASH, verifyChain, type ChainCheck, type ChainedLedgerLine, type LedgerLineDraft } from '../../core/ledger/ledger-line.js';
import { cents, type Cents } from '../../core/money.js';
import type { CounterDb } from '../connection.js';
import { ledgerLines } from '../schema.js';

// One-shot hashing: half the cost of createHash().update().digest() per line.
const sha256Hex = (text: string) => hash('sha256', text, 'hex');

export function ledgerRepository(db: CounterDb) {
  // Both run inside every payment's transaction; raw statements skip drizzle's per-call mapping.
  const lastHash = db.$client.prepare<[], string>('select hash from ledger_lines order by seq desc limit 1').pluck();
  const balance = db.$client.prepare<[string], number>('select coalesce(sum(amount), 0) from ledger_lines where consumer_id = ?').pluck();
  const insertLines = batchedLedgerInsert(db);
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
      insertLines(drafts, previous, chainHashes(sha256Hex, previous, drafts));
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

const COLUMNS = ['id', 'consumer_id', 'entry_kind', 'item_kind', 'item_id', 'payment_id', 'amount', 'description', 'created_at', 'created_by', 'prev_hash', 'hash'];
const ROWS_PER_STATEMENT = 100;

/**
 * Inserts lines up to 100 to a statement. Each insert statement on the ledger
 * runs its balance trigger under a statement journal; one per line cost three
 * times what the line did, so a first download's million charge lines share them.
 */
function batchedLedgerInsert(db: CounterDb) {
  const statements = new Map<number, Statement<unknown[]>>();
  const statementFor = (rows: number) => {
    let statement = statements.get(rows);
    if (!statement) {
      const values = `(${COLUMNS.map(() => '?').join(', ')})`;
      statement = db.$client.prepare<unknown[]>(`insert into ledger_lines (${COLUMNS.join(', ')}) values ${Array(rows).fill(values).join(', ')}`);
      statements.set(rows, statement);
    }
    return statement;
  };
  return (drafts: readonly LedgerLineDraft[], prevHash: string, hashes: readonly string[]) => {
    let batch: unknown[] = [];
    let rows = 0;
    const flush = () => {
      if (rows > 0) statementFor(rows).run(...batch);
      batch = [];
      rows = 0;
    };
    drafts.forEach((l, i) => {
      batch.push(l.id, l.consumerId, l.entryKind, l.itemKind, l.itemId, l.paymentId, l.amount, l.description, l.createdAt, l.createdBy, i === 0 ? prevHash : hashes[i - 1], hashes[i]);
      if (++rows === ROWS_PER_STATEMENT) flush();
    });
    flush();
  };
}
