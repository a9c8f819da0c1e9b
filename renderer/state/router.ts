import { create } from 'zustand';
import { hashOf, routeFromHash } from './route-hash.js';
import type { WorkspaceView } from '../workspace/view.js';

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
  | { name: 'plan-settings' }
  /** The managers' payments workspace; without a view it opens as it was last left. */
  | { name: 'workspace'; view?: WorkspaceView };

interface RouterState {
  route: Route;
  go(route: Route): void;
  /** The same screen in another state (the workspace's filters): no new step for Back. */
  replace(route: Route): void;
}

/**
 * Each screen is also a step of the window's history, written in the #hash
 * (renderer/workspace/route-hash.ts), so Back returns to the screen before,
 * and to the workspace with its search and filters as they were.
 */
const browserHistory = typeof window === 'undefined' ? null : window.history;

export const useRouter = create<RouterState>()((set, get) => ({
  route: browserHistory ? routeFromHash(window.location.hash) : { name: 'dashboard' },
  go: (route) => {
    const hash = hashOf(route);
    if (browserHistory && hash !== hashOf(get().route)) browserHistory.pushState(null, '', hash);
    set({ route });
  },
  replace: (route) => {
    browserHistory?.replaceState(null, '', hashOf(route));
    set({ route });
  },
}));

if (browserHistory) window.addEventListener('popstate', () => useRouter.setState({ route: routeFromHash(window.location.hash) }));

export const go = (route: Route) => useRouter.getState().go(route);
