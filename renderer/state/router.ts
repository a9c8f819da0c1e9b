import { create } from 'zustand';

/** The screens after login; the review reads what it shows from the payment draft. */
export type Route =
  | { name: 'dashboard' }
  | { name: 'account'; consumerId: string }
  | { name: 'payment'; consumerId: string }
  | { name: 'review' }
  | { name: 'receipt'; paymentId: string }
  | { name: 'credit-note'; creditNoteId: string }
  | { name: 'payment-modes' }
  | { name: 'till-settings' }
  | { name: 'sync' }
  | { name: 'till' }
  | { name: 'end-of-day' }
  | { name: 'recovery' }
  | { name: 'plan'; planId: string }
  | { name: 'plan-new'; consumerId: string }
  | { name: 'plan-alerts' }
  | { name: 'collection-report' }
  | { name: 'plan-settings' };

interface RouterState {
  route: Route;
  go(route: Route): void;
}

export const useRouter = create<RouterState>()((set) => ({
  route: { name: 'dashboard' },
  go: (route) => set({ route }),
}));

export const go = (route: Route) => useRouter.getState().go(route);
