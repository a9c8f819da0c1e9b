import { eq, sql } from 'drizzle-orm';
import type { Consumer } from '../../core/accounts/account.js';
import type { CounterDb } from '../connection.js';
import { consumers } from '../schema.js';

export function consumersRepository(db: CounterDb) {
  const byId = db.select().from(consumers).where(eq(consumers.id, sql.placeholder('id'))).prepare();
  const balanceOf = sql`coalesce((select sum(l.amount) from ledger_lines l where l.consumer_id = c.id), 0)`;

  return {
    byId(id: string): Consumer | undefined {
      return byId.get({ id }) as Consumer | undefined;
    },

    /**
     * Partial, case-insensitive match on name or account number. Three or more
     * characters go to the trigram index; one or two match the start of a
     * name or account number, which is what a cashier typing means by then.
     */
    search(query: string, limit: number) {
      const term = query.trim();
      const columns = sql`c.id, c.account_number as accountNumber, c.name, c.service_address as serviceAddress, c.status, ${balanceOf} as balance`;
      if (term.length >= 3) {
        // Quoted, so the user's "-" or "*" is text, not FTS syntax.
        const match = `"${term.replaceAll('"', '""')}"`;
        return db.all<SearchHit>(
          sql`select ${columns} from consumers_search s join consumers c on c.rowid = s.rowid
               where consumers_search match ${match} order by s.rank limit ${limit}`,
        );
      }
      const prefix = `${term.replaceAll(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      return db.all<SearchHit>(
        sql`select ${columns} from consumers c
             where c.account_number like ${prefix} escape '\\' or c.name like ${prefix} escape '\\'
             order by c.name limit ${limit}`,
      );
    },
  };
}

export interface SearchHit {
  id: string;
  accountNumber: string;
  name: string;
  serviceAddress: string;
  status: Consumer['status'];
  balance: number;
}
