import { useEffect } from 'react';
import { create } from 'zustand';
import { call } from '../api/client.js';
import { FIRST_QUERY, type RecoveryQuery } from '../plans/recovery.js';

interface PlanAlertsState {
  /** Alerts not yet acknowledged: the navigation's badge. Null until first heard. */
  open: number | null;
  /** Counts the asks, so a slow older answer never overwrites a newer one. */
  asked: number;
  refresh(): Promise<void>;
  /** An answer that carries the count (the alerts list) is as good as asking. */
  show(open: number): void;
  clear(): void;
}

/** The count of open plan alerts as last heard; the navigation and the alerts screen read the same answer. */
export const usePlanAlerts = create<PlanAlertsState>()((set, get) => ({
  open: null,
  asked: 0,
  refresh: async () => {
    const ask = get().asked + 1;
    set({ asked: ask });
    const result = await call('plan-alerts', { includeAcknowledged: false });
    // A failed ask keeps the last count: the badge is a reminder, the alerts screen says what failed.
    if (get().asked === ask && result.ok) set({ open: result.value.open });
  },
  show: (open) => set((s) => ({ open, asked: s.asked + 1 })),
  clear: () => set((s) => ({ open: null, asked: s.asked + 1 })),
}));

/** Compliance is reviewed once a day and after payments: a minute is soon enough for a badge. */
export const ALERTS_POLL_MS = 60_000;

/**
 * Asks for the count now and every minute. Mounted once, by the navigation
 * item of a user who works alerts; it forgets the count when that goes (log
 * out), so the next user never sees a stale one.
 */
export function usePlanAlertsPolling() {
  useEffect(() => {
    void usePlanAlerts.getState().refresh();
    const timer = setInterval(() => void usePlanAlerts.getState().refresh(), ALERTS_POLL_MS);
    return () => {
      clearInterval(timer);
      usePlanAlerts.getState().clear();
    };
  }, []);
}

interface RecoveryState {
  /** Whose list it is: another user signing in at this window starts from the first query. */
  userId: string | null;
  query: RecoveryQuery;
  set(userId: string, query: RecoveryQuery): void;
}

const useRecoveryState = create<RecoveryState>()((set) => ({
  userId: null,
  query: FIRST_QUERY,
  set: (userId, query) => set({ userId, query }),
}));

/** The recovery list's filters, order and page, kept while the executive opens an account and comes back. */
export function useRecoveryQuery(userId: string): [RecoveryQuery, (query: RecoveryQuery) => void] {
  const { userId: owner, query, set } = useRecoveryState();
  return [owner === userId ? query : FIRST_QUERY, (next) => set(userId, next)];
}
