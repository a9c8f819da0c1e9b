import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './connection.js';
import { createStore, type Store } from './store.js';

let dir: string;
let store: Store;
afterEach(() => {
  store.db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a transaction that fails', () => {
  it('leaves the settings as the database has them, not as the failed work saved them', () => {
    dir = mkdtempSync(join(tmpdir(), 'counter-store-'));
    store = createStore(openDatabase(join(dir, 'counter.sqlite')));
    const before = store.settings.get();
    expect(() =>
      store.transaction(() => {
        store.settings.save({ ...before, branchName: 'Branch that never was' });
        throw new Error('a later step failed');
      }),
    ).toThrow('a later step failed');
    expect(store.settings.get().branchName).toBe(before.branchName);
  });
});
