export const ROLES = ['customer_executive', 'cashier', 'branch_manager', 'recovery_executive', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  customer_executive: 'Customer executive',
  cashier: 'Cashier',
  branch_manager: 'Branch manager',
  recovery_executive: 'Recovery executive',
  administrator: 'Administrator',
};

/** Who may take money at the counter. */
export const TAKES_PAYMENTS: readonly Role[] = ['customer_executive', 'cashier', 'branch_manager'];
export const EVERY_ROLE: readonly Role[] = ROLES;
export const MANAGES_SETTINGS: readonly Role[] = ['branch_manager', 'administrator'];
/** Who may mark a pending payment verified. */
export const VERIFIES_PAYMENTS: readonly Role[] = ['branch_manager', 'administrator'];
/** Whose PIN approves a reversal or a credit note made by hand. */
export const APPROVES: readonly Role[] = ['branch_manager', 'administrator'];
/** Who sees postings the centre refused and sends them again, and settles what sync flagged. */
export const MANAGES_SYNC: readonly Role[] = ['branch_manager', 'administrator'];
/** Who runs the end-of-day: sees every till of the business day and marks the day closed. */
export const CLOSES_DAYS: readonly Role[] = ['branch_manager', 'administrator'];
/** Who finds accounts in arrears, makes, reschedules and cancels payment plans, and works their alerts. */
export const MANAGES_PLANS: readonly Role[] = ['recovery_executive', 'branch_manager', 'administrator'];
/** Who reads the payments workspace: the month's KPIs, every payment and credit note, exports. */
export const VIEWS_WORKSPACE: readonly Role[] = ['branch_manager', 'administrator'];
/** Who edits the counter's rules: payment modes, channels, overpayment limit, credit note validity. */
export const ADMINISTERS: readonly Role[] = ['administrator'];
/** Only an administrator may change a posted payment, and then only as a reversal plus a new payment. */
export const EDITS_POSTED_PAYMENTS: readonly Role[] = ['administrator'];

export interface SignedInUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
}

/** The author of what the counter does on its own (expiring credit) and of payments made online; it cannot log in. */
export const SYSTEM_USER_ID = 'system';
