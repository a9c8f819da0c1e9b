import { APPROVES, type Role } from '../../core/auth/roles.js';
import type { PlanRules } from '../../core/plans/plan.js';

/**
 * Whether the counter will ask for a branch manager's user and PIN, as
 * PLANS.md has it; a branch manager (or administrator) approves their own.
 * The backend decides in the end: a refusal naming the approval shows the
 * fields whatever this says.
 */
export function rescheduleNeedsApproval(role: Role, open: number, installments: number, rules: Pick<PlanRules, 'approvalAboveAmount' | 'approvalAboveInstallments'>): boolean {
  return !APPROVES.includes(role) && (open > rules.approvalAboveAmount || installments > rules.approvalAboveInstallments);
}

/** Every cancel by someone who is not a branch manager. */
export const cancelNeedsApproval = (role: Role) => !APPROVES.includes(role);
