import dayjs from 'dayjs';
import type { Store } from '../../db/store.js';
import type { Sessions } from '../auth/sessions.js';

/** What every service needs: storage, who is signed in, the clock and the printer. */
export interface ServiceContext {
  store: Store;
  sessions: Sessions;
  clock: () => Date;
  demo: boolean;
  hashPin: (pin: string) => string;
  verifyPin: (pin: string, stored: string) => boolean;
  sendToPrinter: (address: string, bytes: Buffer) => Promise<void>;
}

/** The terminal's own calendar day: a payment at 23:30 in Nairobi belongs to that day, not UTC's. */
export const localDate = (at: Date) => dayjs(at).format('YYYY-MM-DD');
