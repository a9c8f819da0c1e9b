import { useEffect } from 'react';
import { create } from 'zustand';
import type { SyncStatus } from '../../core/api/calls/sync.js';
import type { ApiErrorData } from '../../core/api/errors.js';
import { call } from '../api/client.js';

interface SyncStatusState {
  status: SyncStatus | null;
  error: ApiErrorData | null;
  /** Counts the asks, so a slow older answer never overwrites a newer one. */
  asked: number;
  refresh(): Promise<void>;
  /** An answer that carries the status (sync-now, sync-parked-retry) is as good as asking. */
  show(status: SyncStatus): void;
  clear(): void;
}

/** The link to the centre as last heard: the header and the sync page read the same answer. */
export const useSyncStatus = create<SyncStatusState>()((set, get) => ({
  status: null,
  error: null,
  asked: 0,
  refresh: async () => {
    const ask = get().asked + 1;
    set({ asked: ask });
    const result = await call('sync-status', {});
    if (get().asked !== ask) return;
    set(result.ok ? { status: result.value, error: null } : { error: result.error });
  },
  show: (status) => set((s) => ({ status, error: null, asked: s.asked + 1 })),
  clear: () => set((s) => ({ status: null, error: null, asked: s.asked + 1 })),
}));

export const POLL_MS = 5_000;
export const POLL_WHILE_SYNCING_MS = 1_000;

/**
 * Asks for the status every 5 s, and every second while a round is running
 * so the progress moves. Mounted once, by the header; it forgets the status
 * when the header goes (log out), so the next user never sees a stale one.
 */
export function useSyncStatusPolling() {
  const syncing = useSyncStatus((s) => s.status?.state === 'syncing');

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      await useSyncStatus.getState().refresh();
      if (live) timer = setTimeout(() => void tick(), syncing ? POLL_WHILE_SYNCING_MS : POLL_MS);
    };
    void tick();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [syncing]);

  useEffect(() => () => useSyncStatus.getState().clear(), []);
}
