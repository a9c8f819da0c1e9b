import { z } from 'zod';
import { text } from '../fields.js';

/** A branch manager's user and PIN, typed at the counter, for what needs their approval. */
export const managerApproval = z.object(
  {
    username: text('Approving manager', { max: 40 }),
    pin: z.string({ error: 'Manager PIN is required' }).regex(/^\d{4,8}$/, 'Manager PIN must be 4 to 8 digits'),
  },
  { error: "A branch manager's approval is required" },
);
