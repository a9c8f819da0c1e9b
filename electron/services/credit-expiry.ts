import { expireCreditNotes } from '../../core/credit-notes/expire-credit-notes.js';
import type { Store } from '../../db/store.js';
import { localDate } from './context.js';

const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * Forfeits expired credit at start and then every hour, so a counter left
 * running overnight catches the new day. Each run is one transaction, and a
 * run with nothing expired writes nothing.
 */
export function startCreditExpiry(store: Store, clock: () => Date, log: (message: string) => void) {
  const run = (): number => {
    const now = clock();
    const expired = store.transaction(() => expireCreditNotes(store.ports, { today: localDate(now), now: now.toISOString() }));
    if (expired > 0) log(`${expired} credit note(s) expired`);
    return expired;
  };
  run();
  const timer = setInterval(run, CHECK_EVERY_MS);
  timer.unref();
  return { run, stop: () => clearInterval(timer) };
}
