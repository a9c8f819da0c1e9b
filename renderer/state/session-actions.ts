import type { SignedInUser } from '../../core/auth/roles.js';
import { call } from '../api/client.js';
import { usePaymentDraft } from './payment-draft.js';
import { useRouter } from './router.js';
import { useSession } from './session.js';
import { useSettings } from './settings.js';

/** A new sign-in starts on the dashboard with fresh settings and no half-typed payment of someone else's. */
export function startSession(token: string, user: SignedInUser) {
  useRouter.getState().go({ name: 'dashboard' });
  usePaymentDraft.getState().clear();
  useSettings.setState({ settings: null, error: null });
  useSession.getState().signIn(token, user);
}

export async function endSession() {
  await call('session-logout', {});
  useSession.getState().signOut();
}
