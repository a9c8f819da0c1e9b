import { ApiError } from '../../core/api/errors.js';
import type { Handlers } from '../../core/api/dispatch.js';
import { DEMO_USERS } from '../../db/seed/demo-users.js';
import type { ServiceContext } from './context.js';

export function sessionHandlers({ store, sessions, demo, verifyPin }: ServiceContext): Pick<Handlers, 'session-login' | 'session-logout' | 'session-current' | 'demo-users'> {
  return {
    'session-login': ({ username, pin }) => {
      const name = username.toLowerCase();
      sessions.assertNotLocked(name);
      const user = store.users.byUsername(name);
      if (!user || !verifyPin(pin, user.pinHash)) {
        sessions.recordFailure(name);
        throw new ApiError('UNAUTHENTICATED', 'User or PIN is not right', 'pin');
      }
      const { pinHash: _hash, ...signedIn } = user;
      return { token: sessions.start(signedIn), user: signedIn };
    },
    'session-logout': (_input, { token }) => {
      sessions.end(token);
      return {};
    },
    'session-current': (_input, { user }) => user!,
    'demo-users': () => ({ demo, users: demo ? [...DEMO_USERS] : [] }),
  };
}
