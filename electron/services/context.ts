import dayjs from 'dayjs';
import type { SignedInUser } from '../../core/auth/roles.js';
import type { UseCaseContext } from '../../core/payments/record-payment.js';
import type { Store } from '../../db/store.js';
import type { Sessions } from '../auth/sessions.js';
import type { SyncEngine } from '../sync/sync-engine.js';

/** What every service needs: storage, who is signed in, the clock and the printer. */
export interface ServiceContext {
  store: Store;
  sessions: Sessions;
  clock: () => Date;
  demo: boolean;
  hashPin: (pin: string) => string;
  verifyPin: (pin: string, stored: string) => boolean;
  sendToPrinter: (address: string, bytes: Buffer) => Promise<void>;
  /** The link to the central server; null when none is configured. */
  sync: { engine: SyncEngine; centralUrl: string } | null;
}

/** The terminal's own calendar day: a payment at 23:30 in Nairobi belongs to that day, not UTC's. */
export const localDate = (at: Date) => dayjs(at).format('YYYY-MM-DD');

/** What every use case is told: who is acting, the settings, and the terminal's day and instant. */
export function useCaseContext(store: Store, clock: () => Date, user: SignedInUser): UseCaseContext {
  const now = clock();
  return { user, settings: store.settings.get(), today: localDate(now), now: now.toISOString() };
}
