import type { Cents } from '../money.js';

export type TenderCounted = 'cash' | 'card' | 'mpesa';

export interface MethodVariance {
  method: TenderCounted;
  expected: Cents;
  counted: Cents;
  variance: Cents;
}

/**
 * Whether the cashier may close on their own: every method's variance, short
 * or over, within the tolerance. Beyond it a branch manager approves with
 * their PIN and a reason; the methods beyond are named for the screen.
 */
export function closingDecision(variances: readonly MethodVariance[], tolerance: Cents): { needsApproval: false } | { needsApproval: true; beyond: TenderCounted[] } {
  const beyond = variances.filter((v) => Math.abs(v.variance) > tolerance).map((v) => v.method);
  return beyond.length === 0 ? { needsApproval: false } : { needsApproval: true, beyond };
}
