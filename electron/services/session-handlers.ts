import { randomBytes } from 'node:crypto';
import { ApiError } from '../../core/api/errors.js';
import type { Handlers } from '../../core/api/dispatch.js';
import { DEMO_USERS } from '../../db/seed/demo-users.js';
import type { ServiceContext } from './context.js';

export function sessionHandlers({ store, sessions, demo, hashPin, verifyPin }: ServiceContext): Pick<Handlers, 'session-login' | 'session-logout' | 'session-current' | 'demo-users'> {
  // An unknown user name costs the same slow check as a wrong PIN, so the answer's timing does not tell which names exist.
  let decoy: string | undefined;
  const decoyHash = () => (decoy ??= hashPin(randomBytes(8).toString('hex')));
  return {
    'session-login': ({ username, pin }) => {
      const name = username.toLowerCase();
      sessions.assertNotLocked(name);
      const user = store.users.byUsername(name);
      const pinIsRight = user ? verifyPin(pin, user.pinHash) : (verifyPin(pin, decoyHash()), false);
      if (!user || !pinIsRight) {
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
