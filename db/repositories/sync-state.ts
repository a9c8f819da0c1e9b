import type { CounterDb } from '../connection.js';

/** Keys of what sync remembers between runs. */
export type SyncStateKey = 'pull.cursor' | 'terminal.id' | 'push.lastSuccessAt' | 'pull.lastSuccessAt' | 'sync.lastError' | 'sync.lastErrorAt';

/** Small values sync keeps between runs; written inside the transaction of what they describe. */
export function syncStateRepository(db: CounterDb) {
  const read = db.$client.prepare<[string], string>('select value from sync_state where key = ?').pluck();
  const write = db.$client.prepare('insert into sync_state (key, value) values (?, ?) on conflict (key) do update set value = excluded.value');
  const remove = db.$client.prepare('delete from sync_state where key = ?');
  return {
    get(key: SyncStateKey): string | undefined {
      return read.get(key);
    },
    set(key: SyncStateKey, value: string): void {
      write.run(key, value);
    },
    clear(key: SyncStateKey): void {
      remove.run(key);
    },
  };
}
