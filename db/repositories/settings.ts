import { eq } from 'drizzle-orm';
import { counterSettingsSchema, DEFAULT_SETTINGS, type CounterSettings } from '../../core/settings/settings.js';
import type { CounterDb } from '../connection.js';
import { settings } from '../schema.js';

const KEY = 'counter';

/** One validated settings document; a missing or older one is completed from the defaults. */
export function settingsRepository(db: CounterDb) {
  let cached: CounterSettings | undefined;
  return {
    get(): CounterSettings {
      if (cached) return cached;
      const row = db.select().from(settings).where(eq(settings.key, KEY)).get();
      const stored = row ? (JSON.parse(row.value) as Partial<CounterSettings>) : {};
      // A format added in a later version gets its default beside the ones already configured.
      cached = counterSettingsSchema.parse({ ...DEFAULT_SETTINGS, ...stored, numberFormats: { ...DEFAULT_SETTINGS.numberFormats, ...stored.numberFormats } });
      return cached;
    },
    save(next: CounterSettings): CounterSettings {
      const valid = counterSettingsSchema.parse(next);
      const value = JSON.stringify(valid);
      db.insert(settings).values({ key: KEY, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
      cached = valid;
      return valid;
    },
    /** Read again from the database next time: a transaction that saved settings rolled back. */
    forget(): void {
      cached = undefined;
    },
  };
}
