import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.js';

export type CounterDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenOptions {
  /** A better_sqlite3.node built for Electron's ABI; plain Node uses the installed one. */
  nativeBinding?: string | undefined;
}

/**
 * WAL with synchronous=FULL: a payment confirmed to a customer survives a
 * power cut (NORMAL can lose the last commits). Temporary tables and
 * statement journals stay in memory; nothing durable goes there. Foreign keys are per
 * connection in SQLite, so they are switched on here, every time.
 */
export function openDatabase(file: string, options: OpenOptions = {}): CounterDb {
  const sqlite = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // A statement whose triggers write (the ledger's cached balance, the search
  // index) keeps a statement journal; on disk that tripled a ledger insert.
  sqlite.pragma('temp_store = MEMORY');
  sqlite.pragma('cache_size = -65536');
  const db = drizzle(sqlite, { schema }) as CounterDb;
  migrateDatabase(db);
  return db;
}

/**
 * drizzle-kit's table rebuilds say `PRAGMA foreign_keys=OFF` inside the
 * migration's transaction, where SQLite ignores it; a DROP TABLE would then
 * fire cascades. So keys go off on the connection around migrate(), and a
 * foreign_key_check afterwards refuses to carry on over a broken reference.
 */
export function migrateDatabase(db: CounterDb): void {
  const sqlite = db.$client;
  sqlite.pragma('foreign_keys = OFF');
  try {
    migrate(db, { migrationsFolder: migrationsFolder() });
    const broken = sqlite.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new Error(`migration left ${broken.length} broken references: ${JSON.stringify(broken.slice(0, 3))}`);
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}

/** db/migrations, found from this module whether it runs from source or from a bundle in dist/. */
export function migrationsFolder(): string {
  const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  for (let dir = here, i = 0; i < 6; dir = dirname(dir), i++) {
    for (const candidate of [join(dir, 'migrations'), join(dir, 'db', 'migrations')]) {
      if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
    }
  }
  throw new Error(`db/migrations not found above ${here}`);
}
