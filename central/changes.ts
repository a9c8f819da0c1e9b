import type { ChangeEntity } from '../core/sync/protocol.js';
import type { CentralDb } from './database.js';

/**
 * The change log counters pull from. Each write of reference data appends
 * its entity's whole new state; `seq` is the cursor. Pages are built by
 * concatenating the stored JSON text, never parsed and re-serialised: a
 * counter's first download is a million rows (and plain concatenation
 * measured faster than SQLite's string_agg).
 */
export function changeLog(db: CentralDb) {
  const insert = db.prepare('insert into changes (entity, data) values (?, ?)');
  const dataAt = db.prepare<[number], string>('select data from changes where seq = ?').pluck();
  const lastSeq = db.prepare<[], number | null>('select max(seq) from changes').pluck();
  const rowsAfter = db.prepare<[number, number], [number, string, string]>('select seq, entity, data from changes where seq > ? order by seq limit ?').raw();

  return {
    /** Appends the entity's state, already JSON, and returns its seq. */
    append(entity: ChangeEntity, json: string): number {
      return Number(insert.run(entity, json).lastInsertRowid);
    },

    dataAt(seq: number): string {
      const data = dataAt.get(seq);
      if (data === undefined) throw new Error(`No change ${seq}`);
      return data;
    },

    isEmpty: () => lastSeq.get() === null,

    /**
     * The pull answer's JSON text: the changes after `after`, at most `limit`. `total` is every change
     * after the cursor (the newest seq less the cursor: seqs are dense), not
     * a COUNT over a million rows. With `repeat` the answer's `next` stays at
     * `after`, so the client is given the same page again (a fault to test with).
     */
    page(after: number, limit: number, repeat = false): string {
      const newest = lastSeq.get() ?? 0;
      const rows = rowsAfter.all(after, limit);
      let json = '{"changes":[';
      for (let i = 0; i < rows.length; i++) {
        const [seq, entity, data] = rows[i]!;
        json += `${i === 0 ? '' : ','}{"seq":${seq},"entity":"${entity}","data":${data}}`;
      }
      const last = rows.at(-1)?.[0] ?? null;
      const next = String(repeat || last === null ? after : last);
      const more = repeat ? rows.length > 0 : last !== null && last < newest;
      const total = Math.max(0, newest - after);
      return `${json}],"next":"${next}","more":${more},"total":${total}}`;
    },
  };
}

export type ChangeLog = ReturnType<typeof changeLog>;
