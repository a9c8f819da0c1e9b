import { count, eq, ne, sql } from 'drizzle-orm';
import { SYSTEM_USER_ID, type Role, type SignedInUser } from '../../core/auth/roles.js';
import type { CounterDb } from '../connection.js';
import { users } from '../schema.js';

export function usersRepository(db: CounterDb) {
  const nameById = db.select({ name: users.displayName }).from(users).where(eq(users.id, sql.placeholder('id'))).prepare();
  return {
    byUsername(username: string): (SignedInUser & { pinHash: string }) | undefined {
      const row = db.select().from(users).where(eq(users.username, username.toLowerCase())).get();
      return row ? { id: row.id, username: row.username, displayName: row.displayName, role: row.role as Role, pinHash: row.pinHash } : undefined;
    },
    displayName(id: string): string {
      return nameById.get({ id })?.name ?? 'Unknown user';
    },
    add(user: SignedInUser & { pinHash: string; createdAt: string }): void {
      db.insert(users).values({ ...user, username: user.username.toLowerCase() }).run();
    },
    /** People who can log in; the system user does not count. */
    count(): number {
      return db.select({ n: count() }).from(users).where(ne(users.id, SYSTEM_USER_ID)).get()!.n;
    },
  };
}
