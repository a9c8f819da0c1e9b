import type Database from 'better-sqlite3';

/**
 * Keeps the receipt number index (payments_receipts) up to the last payment.
 * A trigger feeding it on every payment wrote two more pages into each
 * payment's commit; the searches that read it bring it up to date first, in
 * one step for all the payments since the last search. A payment's rowid
 * only grows and its receipt number never changes (0001, 0005), so the
 * payments past the last rowid indexed are exactly the ones still to index.
 */
export function receiptSearchFeeder(sqlite: Database.Database): () => void {
  const lastIndexed = sqlite.prepare<[], number>('select last_rowid from receipt_search_progress where id = 1').pluck();
  const lastPayment = sqlite.prepare<[], number>('select coalesce(max(rowid), 0) from payments').pluck();
  const index = sqlite.prepare<[number, number]>('insert into payments_receipts (rowid, receipt_number) select rowid, receipt_number from payments where rowid > ? and rowid <= ?');
  const advance = sqlite.prepare<[number]>('update receipt_search_progress set last_rowid = ? where id = 1');
  const feed = sqlite.transaction((from: number, to: number) => {
    index.run(from, to);
    advance.run(to);
  });
  return () => {
    const from = lastIndexed.get() ?? 0;
    const to = lastPayment.get()!;
    if (to > from) feed.immediate(from, to);
  };
}
