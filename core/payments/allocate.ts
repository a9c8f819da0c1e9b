import { cents, min, ZERO, type Cents } from '../money.js';
import type { PayableItem } from '../accounts/account.js';

export interface Allocation {
  item: PayableItem;
  applied: Cents;
  openAfter: Cents;
}

/**
 * Spreads an amount over items in the order given, filling each before the
 * next. What no item can take is the overpayment.
 */
export function allocate(amount: Cents, items: readonly PayableItem[]): { allocations: Allocation[]; overpayment: Cents } {
  let left: Cents = amount;
  const allocations: Allocation[] = [];
  for (const item of items) {
    const applied = min(left, item.open);
    left = cents(left - applied);
    allocations.push({ item, applied, openAfter: cents(item.open - applied) });
  }
  return { allocations: allocations.filter((a) => a.applied > 0), overpayment: left > 0 ? left : ZERO };
}
