import type { Role } from '../../core/auth/roles.js';

/** One demo user per role; the login screen lists them while the app runs in demo mode. */
export const DEMO_USERS: ReadonlyArray<{ username: string; displayName: string; role: Role; pin: string }> = [
  { username: 'jane', displayName: 'Jane Smith', role: 'cashier', pin: '1234' },
  { username: 'peter', displayName: 'Peter Otieno', role: 'customer_executive', pin: '2345' },
  { username: 'mary', displayName: 'Mary Wanjiku', role: 'branch_manager', pin: '3456' },
  { username: 'samuel', displayName: 'Samuel Kiptoo', role: 'recovery_executive', pin: '4567' },
  { username: 'admin', displayName: 'Counter Administrator', role: 'administrator', pin: '9999' },
];
