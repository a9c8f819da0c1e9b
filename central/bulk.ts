import { z } from 'zod';
import { newId } from '../db/ids.js';
import { generatedConsumer, MONTHS, seededRandom } from '../db/seed/demo-data.js';
import type { CentralDb } from './database.js';

export const bulkOptions = z.object({
  consumers: z.number().int().min(1).max(5_000_000),
  billsPerConsumer: z.number().int().min(0).max(60),
  /** Seeds the names, addresses and amounts; the same seed gives the same people. */
  seed: z.number().int().default(20260101),
});
export type BulkOptions = z.input<typeof bulkOptions>;

export interface BulkResult {
  consumers: number;
  bills: number;
  milliseconds: number;
}

/**
 * Consumers and bills by the hundred thousand, for benchmarking a counter's
 * first download: prepared statements in one transaction, straight to the
 * tables, skipping the per-row checks the reference API makes (the rows are
 * made here, valid by construction). Account numbers continue after the
 * consumers already held, so a second run adds rather than clashes.
 */
export function bulkGenerate(db: CentralDb, options: BulkOptions): BulkResult {
  const { consumers, billsPerConsumer, seed } = bulkOptions.parse(options);
  const started = performance.now();
  const insertChange = db.prepare('insert into changes (entity, data) values (?, ?)');
  const insertConsumer = db.prepare('insert into consumers (id, account_number, change_seq) values (?, ?, ?)');
  const insertBill = db.prepare("insert into reference_items (entity, id, change_seq) values ('bill', ?, ?)");
  const held = db.prepare<[], number>('select count(*) from consumers').pluck().get()!;
  const random = seededRandom(seed);
  const months = billMonths(billsPerConsumer);

  db.transaction(() => {
    for (let n = 0; n < consumers; n++) {
      const number = held + n;
      const consumer = generatedConsumer(random, number, newId(), `WU-${1_000_000 + number}`);
      insertConsumer.run(consumer.id, consumer.accountNumber, insertChange.run('consumer', JSON.stringify(consumer)).lastInsertRowid);
      months.forEach((month, b) => {
        const bill = { id: newId(), consumerId: consumer.id, invoiceNumber: `INV-B${number}-${b + 1}`, period: month.period, amount: 2000 + Math.floor(random() * 600) * 50, issuedOn: month.issuedOn, dueOn: month.dueOn };
        insertBill.run(bill.id, insertChange.run('bill', JSON.stringify(bill)).lastInsertRowid);
      });
    }
  })();
  return { consumers, bills: consumers * billsPerConsumer, milliseconds: Math.round(performance.now() - started) };
}

/** A bill a month going back from October 2026, issued on the 28th and due on the 15th after. */
function billMonths(count: number) {
  const day = (year: number, month: number, date: number) => new Date(Date.UTC(year, month, date)).toISOString().slice(0, 10);
  return Array.from({ length: count }, (_, b) => {
    const issued = new Date(Date.UTC(2026, 9 - b, 1));
    const year = issued.getUTCFullYear();
    const month = issued.getUTCMonth();
    return { period: `${MONTHS[month]} ${year}`, issuedOn: day(year, month, 28), dueOn: day(year, month + 1, 15) };
  });
}
