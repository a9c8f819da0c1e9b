import { ApiError } from '../../core/api/errors.js';
import type { SignedInUser } from '../../core/auth/roles.js';
import type { ServiceContext } from './context.js';

/**
 * A manager's user and PIN typed at the counter, checked like a login (the
 * same lockout after five wrong PINs) without signing anyone in. Whether that
 * user may approve is core's rule; this only says who they are.
 */
export function approverFrom({ store, sessions, verifyPin }: ServiceContext, approval: { username: string; pin: string }): SignedInUser {
  const name = approval.username.toLowerCase();
  try {
    sessions.assertNotLocked(name);
  } catch (locked) {
    if (locked instanceof ApiError) throw new ApiError(locked.code, locked.message, 'approval.pin');
    throw locked;
  }
  const user = store.users.byUsername(name);
  if (!user || !verifyPin(approval.pin, user.pinHash)) {
    sessions.recordFailure(name);
    throw new ApiError('FORBIDDEN', 'Approving manager or PIN is not right', 'approval.pin');
  }
  const { pinHash: _hash, ...approver } = user;
  return approver;
}
