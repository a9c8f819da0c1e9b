import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { oldestDueFirst, type PayableItem } from '../accounts/account.js';
import { cents } from '../money.js';
import { allocate } from './allocate.js';

const bill = (id: string, reference: string, dueOn: string, open: number): PayableItem => ({
  kind: 'bill',
  id,
  reference,
  detail: dueOn.slice(0, 7),
  amount: cents(open),
  open: cents(open),
  issuedOn: '2025-01-01',
  dueOn,
});

const march = bill('b-mar', 'INV-2025-000300', '2025-03-31', 14550);
const april = bill('b-apr', 'INV-2025-000400', '2025-04-30', 20000);
const may = bill('b-may', 'INV-2025-000500', '2025-05-31', 9000);
/** What each item got and what it still owes, in the order money went to them. */
const spread = (amount: number, items: readonly PayableItem[]) => {
  const { allocations, overpayment } = allocate(cents(amount), items);
  return { paid: allocations.map((a) => [a.item.id, a.applied, a.openAfter]), overpayment };
};

describe('oldest due first', () => {
  it('puts the bill due earliest first, whatever order the account lists them in', () => {
    expect(oldestDueFirst([may, march, april]).map((b) => b.id)).toEqual(['b-mar', 'b-apr', 'b-may']);
  });

  it('orders bills due on the same day by their reference', () => {
    const b = bill('b', 'INV-2025-000002', '2025-03-31', 100);
    const a = bill('a', 'INV-2025-000001', '2025-03-31', 100);
    const c = bill('c', 'INV-2025-000003', '2025-02-28', 100);
    expect(oldestDueFirst([b, a, c]).map((x) => x.id)).toEqual(['c', 'a', 'b']);
  });

  it('leaves the list it was given untouched', () => {
    const given = [may, march];
    oldestDueFirst(given);
    expect(given.map((b) => b.id)).toEqual(['b-may', 'b-mar']);
  });
});

describe('spreading a payment over bills', () => {
  it('clears the oldest bill first and leaves the next one partly paid with the rest still owed', () => {
    expect(spread(20000, oldestDueFirst([may, april, march]))).toEqual({
      paid: [
        ['b-mar', 14550, 0],
        ['b-apr', 5450, 14550],
      ],
      overpayment: 0,
    });
  });

  it('an exact amount clears every bill and leaves nothing over', () => {
    expect(spread(43550, [march, april, may])).toEqual({
      paid: [
        ['b-mar', 14550, 0],
        ['b-apr', 20000, 0],
        ['b-may', 9000, 0],
      ],
      overpayment: 0,
    });
  });

  it('reports what is paid beyond all the bills as the overpayment', () => {
    expect(spread(50000, [march, april, may])).toEqual({
      paid: [
        ['b-mar', 14550, 0],
        ['b-apr', 20000, 0],
        ['b-may', 9000, 0],
      ],
      overpayment: 6450,
    });
  });

  it("pays the bills in the cashier's chosen order, even when a newer bill comes first", () => {
    expect(spread(25000, [may, march, april])).toEqual({
      paid: [
        ['b-may', 9000, 0],
        ['b-mar', 14550, 0],
        ['b-apr', 1450, 18550],
      ],
      overpayment: 0,
    });
  });

  it('lists only the bills that received money', () => {
    expect(spread(100, [march, april, may])).toEqual({ paid: [['b-mar', 100, 14450]], overpayment: 0 });
  });

  it('a bill with a partly paid balance takes only what is still open', () => {
    const partlyPaid: PayableItem = { ...april, open: cents(3000) };
    expect(spread(5000, [partlyPaid, may])).toEqual({
      paid: [
        ['b-apr', 3000, 0],
        ['b-may', 2000, 7000],
      ],
      overpayment: 0,
    });
  });

  it('never gives an item more than it owes, spends exactly what it can, and stops at the first partly paid item', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 130_000_000 }), (opens, paid) => {
        const items = opens.map((open, i) => bill(`b${i}`, `INV-${i}`, '2025-03-31', open));
        const { allocations, overpayment } = allocate(cents(paid), items);
        const applied: number[] = items.map((item) => allocations.find((a) => a.item.id === item.id)?.applied ?? 0);
        const totalOpen = opens.reduce((sum, open) => sum + open, 0);

        applied.forEach((amount, i) => {
          expect(amount).toBeGreaterThanOrEqual(0);
          expect(amount).toBeLessThanOrEqual(opens[i]!);
        });
        expect(applied.reduce((sum, amount) => sum + amount, 0)).toBe(Math.min(paid, totalOpen));
        expect(overpayment).toBe(Math.max(0, paid - totalOpen));
        const firstShort = applied.findIndex((amount, i) => amount < opens[i]!);
        if (firstShort >= 0) expect(applied.slice(firstShort + 1).every((amount) => amount === 0)).toBe(true);
        for (const a of allocations) expect(a.openAfter).toBe(a.item.open - a.applied);
      }),
    );
  });
});
