import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export type CentralDb = Database.Database;

/**
 * The centre's own SQLite database: in `dataDir`/central.db, or in memory
 * when no folder is given (tests). WAL with synchronous=FULL, as at the
 * counter: an answer of `accepted` must survive a power cut, since the
 * counter will never send that posting again.
 */
export function openCentralDatabase(dataDir?: string): CentralDb {
  let file = ':memory:';
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    file = join(dataDir, 'central.db');
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  // A bulk generation passes hundreds of megabytes through the WAL; give the disk back after each checkpoint.
  db.pragma('journal_size_limit = 67108864');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  addColumns(db, 'changes', { branch_name: 'text', from_terminal: 'text' });
  db.exec(INDEXES);
  return db;
}

/** Columns a database made by an earlier centre lacks; `create table if not exists` leaves its tables as they were. */
function addColumns(db: CentralDb, table: string, columns: Record<string, string>): void {
  const held = new Set(db.prepare<[], string>(`select name from pragma_table_info('${table}')`).pluck().all());
  for (const [name, type] of Object.entries(columns)) if (!held.has(name)) db.exec(`alter table ${table} add column ${name} ${type}`);
}

const SCHEMA = `
create table if not exists terminals (
  id text primary key,
  terminal_code text not null,
  branch_name text not null,
  token_hash text not null unique,
  registered_at text not null,
  revoked_at text
);

-- Every posting applied, once per key, ever.
create table if not exists postings (
  key text primary key,
  terminal_id text not null references terminals (id),
  seq integer not null,
  kind text not null,
  account_id text not null,
  amount integer not null,
  till_session_id text,
  -- For payment.recorded the payment it records; for a reversal or verification the payment it names.
  payment_id text,
  payload text not null,
  created_at text not null,
  received_at text not null
);
create index if not exists postings_payment on postings (terminal_id, payment_id);
create index if not exists postings_till on postings (terminal_id, till_session_id);

create table if not exists till_checks (
  posting_key text primary key references postings (key),
  terminal_id text not null references terminals (id),
  till_session_id text not null,
  expected_count integer not null,
  expected_total integer not null,
  received_count integer not null,
  received_total integer not null,
  matched integer not null,
  checked_at text not null
);

-- What counters pull, in the centre's order; data is the entity's whole state as JSON text.
-- A change with a branch_name is for the other terminals of that branch only, not for from_terminal;
-- one without is for every counter.
create table if not exists changes (
  seq integer primary key,
  entity text not null,
  data text not null,
  branch_name text,
  from_terminal text
);

-- Each closed till a terminal summarised in its till.closed, pointing at the change that passes it to its branch.
create table if not exists till_sessions (
  id text primary key,
  terminal_id text not null references terminals (id),
  branch_name text not null,
  business_date text not null,
  posting_key text not null references postings (key),
  change_seq integer not null references changes (seq)
);

-- Each payment plan's hold on its account's disconnection, as the counters' plan.hold_placed and
-- plan.hold_released left it: an account is held while any of its plans' holds is not released.
create table if not exists disconnection_holds (
  plan_id text primary key,
  account_id text not null,
  terminal_id text not null references terminals (id),
  held_since text,
  released_at text,
  posting_key text not null references postings (key)
);
create index if not exists disconnection_holds_account on disconnection_holds (account_id);

-- The reference data the centre holds, each pointing at the change with its latest state.
create table if not exists consumers (
  id text primary key,
  account_number text not null unique,
  change_seq integer not null references changes (seq)
);
create table if not exists reference_items (
  entity text not null,
  id text not null,
  change_seq integer not null references changes (seq),
  primary key (entity, id)
) without rowid;
`;

/** After addColumns: these name columns an older database gains only there. */
const INDEXES = `
-- The few changes meant for one branch, to count those a terminal does not get without reading the rest.
create index if not exists changes_scoped on changes (seq, branch_name, from_terminal) where branch_name is not null;
`;
