import { describe, expect, it } from 'vitest';
import { cancelNeedsApproval, rescheduleNeedsApproval } from './approval.js';

const rules = { approvalAboveAmount: 5_000_000, approvalAboveInstallments: 12 };

describe('a reschedule', () => {
  it('needs a branch manager above the amount or the number of installments of the settings', () => {
    expect(rescheduleNeedsApproval('recovery_executive', 5_000_000, 12, rules)).toBe(false);
    expect(rescheduleNeedsApproval('recovery_executive', 5_000_001, 12, rules)).toBe(true);
    expect(rescheduleNeedsApproval('recovery_executive', 100, 13, rules)).toBe(true);
  });

  it('is approved by the branch manager who makes it', () => {
    expect(rescheduleNeedsApproval('branch_manager', 9_000_000, 24, rules)).toBe(false);
  });
});

describe('a cancel', () => {
  it('needs a branch manager unless one makes it', () => {
    expect(cancelNeedsApproval('recovery_executive')).toBe(true);
    expect(cancelNeedsApproval('branch_manager')).toBe(false);
  });
});
