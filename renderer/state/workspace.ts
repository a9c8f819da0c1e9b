import { create } from 'zustand';
import { DEFAULT_VIEW, type WorkspaceView } from '../workspace/view.js';
import { useRouter } from './router.js';
import { useSession } from './session.js';

interface WorkspaceState {
  /** The view as the manager last left it: the navigation's Payments returns to it. */
  last: WorkspaceView;
}

export const useWorkspace = create<WorkspaceState>()(() => ({ last: DEFAULT_VIEW }));

/** The view the workspace route shows: its own, else the one last left. */
export function useWorkspaceView(): WorkspaceView {
  const routed = useRouter((s) => (s.route.name === 'workspace' ? s.route.view : undefined));
  const last = useWorkspace((s) => s.last);
  return routed ?? last;
}

/**
 * Shows the workspace in another state: the address changes with it (Back
 * will find it so) without adding a step of its own, and it is remembered.
 */
export function showView(view: WorkspaceView) {
  useWorkspace.setState({ last: view });
  useRouter.getState().replace({ name: 'workspace', view });
}

/** Changes the view from what it is now, for clicks that land in the same render as another change. */
export function updateView(change: (view: WorkspaceView) => WorkspaceView) {
  const { route } = useRouter.getState();
  const current = route.name === 'workspace' && route.view ? route.view : useWorkspace.getState().last;
  showView(change(current));
}

// A new sign-in starts from the defaults, not from another manager's filters.
useSession.subscribe((now, before) => {
  if (now.user?.id !== before.user?.id) useWorkspace.setState({ last: DEFAULT_VIEW });
});
