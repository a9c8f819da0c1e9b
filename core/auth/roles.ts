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

export interface SignedInUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
}
