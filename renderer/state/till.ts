import { useEffect } from 'react';
import { create } from 'zustand';
import type { CallOutput } from '../../core/api/contract.js';
import type { ApiErrorData } from '../../core/api/errors.js';
import { call } from '../api/client.js';

export type CurrentTill = CallOutput<'till-current'>;

interface TillState {
  /** The signed-in user's own till on this terminal (null when none) and the till rules; null until first heard. */
  current: CurrentTill | null;
  error: ApiErrorData | null;
  /**
   * The till this user has just closed here. The backend's current till is
   * null from the close on, so this keeps the Z report on the till screen
   * until the cashier moves on.
   */
  closedId: string | null;
  /** Counts the asks, so a slow older answer never overwrites a newer one. */
  asked: number;
  refresh(): Promise<void>;
  closed(tillSessionId: string): void;
  forgetClosed(): void;
  clear(): void;
}

/** The header, the till screen, the payment form and the review read the same answer. */
export const useTill = create<TillState>()((set, get) => ({
  current: null,
  error: null,
  closedId: null,
  asked: 0,
  refresh: async () => {
    const ask = get().asked + 1;
    set({ asked: ask });
    const result = await call('till-current', {});
    if (get().asked !== ask) return;
    set(result.ok ? { current: result.value, error: null } : { error: result.error });
  },
  closed: (tillSessionId) => {
    set({ closedId: tillSessionId });
    void get().refresh();
  },
  forgetClosed: () => set({ closedId: null }),
  clear: () => set((s) => ({ current: null, error: null, closedId: null, asked: s.asked + 1 })),
}));

/** The id of the till a payment goes into: the user's own, and only while it is open. */
export const openTillId = (): string | undefined => {
  const till = useTill.getState().current?.till;
  return till?.status === 'open' ? till.id : undefined;
};

/**
 * Asks for the user's till when mounted (by the header, once per sign-in) and
 * forgets it when the header goes (log out), so the next user never sees a
 * stale till.
 */
export function useTillLoading() {
  useEffect(() => {
    void useTill.getState().refresh();
    return () => useTill.getState().clear();
  }, []);
}
