import { z } from 'zod';
import { ROLES } from '../../auth/roles.js';
import { defineCall } from '../define.js';
import { text } from '../fields.js';

export const signedInUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
});

export const sessionCalls = {
  'session-login': defineCall({
    input: z.object({ username: text('User', { max: 40 }), pin: z.string({ error: 'PIN is required' }).regex(/^\d{4,8}$/, 'PIN must be 4 to 8 digits') }),
    output: z.object({ token: z.string(), user: signedInUser }),
    access: 'public',
  }),
  'session-logout': defineCall({ input: z.object({}), output: z.object({}), access: 'public' }),
  'session-current': defineCall({ input: z.object({}), output: signedInUser, access: ROLES }),
  /** In demo mode the login screen lists the demo users with their PINs; otherwise the list is empty. */
  'demo-users': defineCall({
    input: z.object({}),
    output: z.object({ demo: z.boolean(), users: z.array(z.object({ username: z.string(), displayName: z.string(), role: z.enum(ROLES), pin: z.string() })) }),
    access: 'public',
  }),
};
