import { and, count, eq, sql } from 'drizzle-orm';
import type { CounterDb } from '../connection.js';
import { printJobs } from '../schema.js';

export type PrintJob = typeof printJobs.$inferSelect;

/**
 * The print queue. A job is stored before the printer is tried, so a print
 * that fails (printer off, no paper) stays visible with its error and can be
 * retried; the payment it prints was committed before any of this.
 */
export function printJobsRepository(db: CounterDb) {
  const printed = db
    .select({ n: count() })
    .from(printJobs)
    .where(and(eq(printJobs.document, sql.placeholder('document')), eq(printJobs.refId, sql.placeholder('refId')), eq(printJobs.status, 'printed')))
    .prepare();

  return {
    create(job: Pick<PrintJob, 'id' | 'document' | 'refId' | 'copy' | 'createdAt'>): PrintJob {
      return db.insert(printJobs).values({ ...job, status: 'queued', error: null, attempts: 0, updatedAt: job.createdAt }).returning().get();
    },
    byId(id: string): PrintJob | undefined {
      return db.select().from(printJobs).where(eq(printJobs.id, id)).get();
    },
    finish(id: string, outcome: { status: 'printed' | 'failed'; error: string | null; copy: boolean; at: string }): PrintJob {
      return db
        .update(printJobs)
        .set({ status: outcome.status, error: outcome.error, copy: outcome.copy, attempts: sql`${printJobs.attempts} + 1`, updatedAt: outcome.at })
        .where(eq(printJobs.id, id))
        .returning()
        .get();
    },
    /** How many times this document has come out of the printer: after the first, prints are copies. */
    printedCount(document: string, refId: string): number {
      return printed.get({ document, refId })!.n;
    },
  };
}
