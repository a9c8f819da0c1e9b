import type { ChangeEntity } from '../core/sync/protocol.js';
import type { CentralDb } from './database.js';

/** A change for the other terminals of one branch only: a till one of them closed. */
export interface BranchScope {
  branchName: string;
  fromTerminal: string;
}

/** The terminal pulling: it gets the changes for every counter and those its branch's other terminals sent up. */
export interface Puller {
  terminalId: string;
  branchName: string;
}

/**
 * The change log counters pull from. Each write of reference data appends
 * its entity's whole new state; `seq` is the cursor, one sequence for every
 * terminal. Most changes are for every counter; a branch's tills are for the
 * other terminals of that branch, so each terminal reads the same log with
 * those it does not get skipped. Pages are built by concatenating the stored
 * JSON text, never parsed and re-serialised: a counter's first download is a
 * million rows (and plain concatenation measured faster than SQLite's
 * string_agg).
 */
export function changeLog(db: CentralDb) {
  const insert = db.prepare('insert into changes (entity, data, branch_name, from_terminal) values (?, ?, ?, ?)');
  const dataAt = db.prepare<[number], string>('select data from changes where seq = ?').pluck();
  const lastSeq = db.prepare<[], number | null>('select max(seq) from changes').pluck();
  // `from_terminal is not` rather than `<>`: the two conditions are each other's complement even if it were null.
  const visible = '(branch_name = @branchName and from_terminal is not @terminalId)';
  const rowsAfter = db
    .prepare<{ after: number; limit: number } & Puller, [number, string, string]>(
      `select seq, entity, data from changes where seq > @after and (branch_name is null or ${visible}) order by seq limit @limit`,
    )
    .raw();
  // Counted on the partial index of scoped changes: a few per till, not the million reference rows.
  const skippedAfter = db
    .prepare<{ after: number } & Puller, number>(`select count(*) from changes where branch_name is not null and seq > @after and not ${visible}`)
    .pluck();

  const page = db.transaction((after: number, limit: number, puller: Puller, repeat: boolean): string => {
    const newest = lastSeq.get() ?? 0;
    const who = { terminalId: puller.terminalId, branchName: puller.branchName };
    const rows = rowsAfter.all({ ...who, after, limit });
    let json = '{"changes":[';
    for (let i = 0; i < rows.length; i++) {
      const [seq, entity, data] = rows[i]!;
      json += `${i === 0 ? '' : ','}{"seq":${seq},"entity":"${entity}","data":${data}}`;
    }
    const total = Math.max(0, newest - after - (newest > after ? skippedAfter.get({ ...who, after })! : 0));
    const last = rows.at(-1)?.[0] ?? null;
    const more = repeat ? rows.length > 0 : rows.length < total;
    // With nothing more for this terminal, whatever is left after its last change is for others: the cursor passes it.
    const next = repeat ? after : more ? (last ?? after) : Math.max(after, newest);
    return `${json}],"next":"${next}","more":${more},"total":${total}}`;
  });

  return {
    /** Appends the entity's state, already JSON, and returns its seq; with a scope only that branch's other terminals pull it. */
    append(entity: ChangeEntity, json: string, scope?: BranchScope): number {
      return Number(insert.run(entity, json, scope?.branchName ?? null, scope?.fromTerminal ?? null).lastInsertRowid);
    },

    dataAt(seq: number): string {
      const data = dataAt.get(seq);
      if (data === undefined) throw new Error(`No change ${seq}`);
      return data;
    },

    isEmpty: () => lastSeq.get() === null,

    /**
     * The pull answer's JSON text for one terminal: the changes after `after`
     * it gets, at most `limit`. `total` is how many of those there are: every
     * change after the cursor (the newest seq less the cursor: seqs are
     * dense, and nothing is deleted), less those for other terminals, not a
     * COUNT over a million rows. `next` is the last change given while there
     * are more; on the last page it is the newest seq, so the cursor passes
     * changes meant for others rather than reading them again. With `repeat`
     * the answer's `next` stays at `after`, so the client is given the same
     * page again (a fault to test with).
     */
    page(after: number, limit: number, puller: Puller, repeat = false): string {
      return page(after, limit, puller, repeat);
    },
  };
}

export type ChangeLog = ReturnType<typeof changeLog>;
