import { randomBytes } from 'node:crypto';
import { ApiError } from '../../core/api/errors.js';
import type { SignedInUser } from '../../core/auth/roles.js';

const IDLE_LIMIT_MS = 8 * 60 * 60 * 1000;
const MAX_FAILURES = 5;
const LOCK_MS = 60 * 1000;
/** Past this many names with failures, those not locked right now are forgotten, so guessed names cannot fill memory. */
const FAILURES_KEPT = 1000;

/**
 * Signed-in sessions live in memory only: a restart signs everyone out, and a
 * token is worthless outside this process. Five wrong PINs lock the user out
 * for a minute, which makes guessing a 4-digit PIN impractical.
 */
export function createSessions(now: () => number = Date.now) {
  const sessions = new Map<string, { user: SignedInUser; lastSeen: number }>();
  const failures = new Map<string, { count: number; lockedUntil: number }>();

  return {
    userFor(token: string | null): SignedInUser | null {
      if (!token) return null;
      const session = sessions.get(token);
      if (!session) return null;
      if (now() - session.lastSeen > IDLE_LIMIT_MS) {
        sessions.delete(token);
        return null;
      }
      session.lastSeen = now();
      return session.user;
    },
    assertNotLocked(username: string): void {
      const entry = failures.get(username);
      if (entry && entry.lockedUntil > now()) {
        throw new ApiError('FORBIDDEN', `Too many wrong PINs: try again in ${Math.ceil((entry.lockedUntil - now()) / 1000)} s`, 'pin');
      }
    },
    recordFailure(username: string): void {
      const entry = failures.get(username) ?? { count: 0, lockedUntil: 0 };
      entry.count++;
      if (entry.count >= MAX_FAILURES) {
        entry.count = 0;
        entry.lockedUntil = now() + LOCK_MS;
      }
      failures.set(username, entry);
      if (failures.size > FAILURES_KEPT) {
        for (const [name, kept] of failures) if (kept.lockedUntil <= now()) failures.delete(name);
      }
    },
    start(user: SignedInUser): string {
      failures.delete(user.username);
      const token = randomBytes(32).toString('base64url');
      sessions.set(token, { user, lastSeen: now() });
      return token;
    },
    end(token: string | null): void {
      if (token) sessions.delete(token);
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
