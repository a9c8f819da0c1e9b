import { sql } from 'drizzle-orm';
import type { AuditEntry, OutboxPosting } from '../../core/ports.js';
import type { CounterDb } from '../connection.js';
import { preparedInsert } from '../prepared-insert.js';
import { auditEntries, numberSequences, outbox } from '../schema.js';

/** The bookkeeping every use case writes beside its record: numbers, audit entries, outbox postings. */
export function journalRepository(db: CounterDb) {
  const nextValue = db
    .insert(numberSequences)
    .values({ scope: sql.placeholder('scope'), lastValue: sql.placeholder('start') })
    .onConflictDoUpdate({ target: numberSequences.scope, set: { lastValue: sql`${numberSequences.lastValue} + 1` } })
    .returning({ value: numberSequences.lastValue })
    .prepare();
  const insertAudit = preparedInsert(db, auditEntries);
  const insertPosting = preparedInsert(db, outbox);

  return {
    sequences: {
      /** Taken inside the caller's transaction: a rollback gives the number back, so there is no gap. */
      next(scope: string, start: number): number {
        return nextValue.get({ scope, start })!.value;
      },
    },
    audit: {
      append(entry: AuditEntry): void {
        insertAudit({ ...entry, before: entry.before == null ? null : JSON.stringify(entry.before), after: entry.after == null ? null : JSON.stringify(entry.after) });
      },
    },
    outbox: {
      add(posting: OutboxPosting): void {
        insertPosting({ ...posting, payload: JSON.stringify(posting.payload) });
      },
    },
  };
}
