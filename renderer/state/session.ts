import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { SignedInUser } from '../../core/auth/roles.js';

interface SessionState {
  token: string | null;
  user: SignedInUser | null;
  signIn(token: string, user: SignedInUser): void;
  signOut(): void;
}

/**
 * Who is signed in at this window. Kept in sessionStorage so a reload keeps
 * the cashier signed in, while closing the window (or a backend restart,
 * which forgets the token) sends them back to the login.
 */
export const useSession = create<SessionState>()(
  persist(
    (set) => ({
      token: null,
      user: null,
      signIn: (token, user) => set({ token, user }),
      signOut: () => set({ token: null, user: null }),
    }),
    { name: 'counter-session', storage: createJSONStorage(() => sessionStorage), partialize: ({ token, user }) => ({ token, user }) },
  ),
);
