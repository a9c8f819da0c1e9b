import { describe, expect, it } from 'vitest';
import { cents } from '../money.js';
import type { PaymentStatus } from '../payments/payment-record.js';
import { averageCollectionDays, changePercent, collectionRate, workspaceKpis, type DayCollections, type DayDues } from './kpis.js';

const day = (date: string, status: PaymentStatus, amount: number, count: number, allocationDays = 0, allocationCount = 0): DayCollections => ({
  day: date,
  status,
  amount: cents(amount),
  count,
  allocationDays,
  allocationCount,
});
const due = (date: string, amount: number): DayDues => ({ day: date, amount: cents(amount) });

describe('change against the previous period', () => {
  it('is the difference as a percentage of the previous figure, to one decimal', () => {
    expect(changePercent(15000, 12000)).toBe(25);
    expect(changePercent(10000, 30000)).toBe(-66.7);
    expect(changePercent(0, 5000)).toBe(-100);
  });

  it('rounds a half away from zero, up or down', () => {
    expect(changePercent(11235, 10000)).toBe(12.4);
    expect(changePercent(8765, 10000)).toBe(-12.4);
  });

  it('compares figures that have one decimal exactly', () => {
    // (248.1 − 75.0) / 75.0 = 2.308
    expect(changePercent(248.1, 75)).toBe(230.8);
  });

  it('is not shown when the previous period had nothing or is unknown', () => {
    expect(changePercent(5000, 0)).toBeNull();
    expect(changePercent(5000, null)).toBeNull();
    expect(changePercent(null, 75)).toBeNull();
  });
});

describe('collection rate: collected / amounts of bills and service charges due in the month × 100', () => {
  it('is 75.0 when 450.00 of 600.00 due was collected', () => {
    expect(collectionRate(cents(45000), cents(60000))).toBe(75);
  });

  it('goes past 100 when arrears of earlier months are paid too', () => {
    expect(collectionRate(cents(33500), cents(13500))).toBe(248.1);
  });

  it('is not shown for a month in which no bill or service charge fell due', () => {
    expect(collectionRate(cents(33500), cents(0))).toBeNull();
  });
});

describe('average collection time over the allocations of posted payments', () => {
  it('is the days summed over the allocations, divided by how many, to one decimal', () => {
    expect(averageCollectionDays(63, 4)).toBe(15.8);
    expect(averageCollectionDays(10, 3)).toBe(3.3);
  });

  it('is not shown when nothing was paid', () => {
    expect(averageCollectionDays(0, 0)).toBeNull();
  });
});

describe('the KPI header for April 2025, on 11 April', () => {
  // March: 300.00 in two posted payments (two allocations, 20 days), and a reversed 50.00.
  // April: 100.00 (one allocation, 9 days); 235.00 in two payments (three allocations, 54 days);
  // a reversed 120.00 and a pending 40.00 that count nowhere; 25.00 taken today.
  const months = [
    day('2025-03-10', 'posted', 30000, 2, 20, 2),
    day('2025-03-15', 'reversed', 5000, 1, 3, 1),
    day('2025-04-02', 'posted', 10000, 1, 9, 1),
    day('2025-04-10', 'posted', 23500, 2, 54, 3),
    day('2025-04-10', 'reversed', 12000, 1, 9, 1),
    day('2025-04-11', 'pending', 4000, 1),
  ];
  const days = [day('2025-04-10', 'posted', 23500, 2, 54, 3), day('2025-04-10', 'reversed', 12000, 1, 9, 1), day('2025-04-11', 'pending', 4000, 1), day('2025-04-11', 'posted', 2500, 1)];
  const dues = [due('2025-03-20', 40000), due('2025-04-20', 12000), due('2025-04-20', 1500), due('2025-05-01', 99999)];
  const kpis = workspaceKpis({ month: '2025-04', today: '2025-04-11', months, days, dues });

  it('collects only posted payments: reversed and pending ones leave the total', () => {
    // 335.00 against March's 300.00: +11.7 %
    expect(kpis.totalCollected).toEqual({ value: 33500, previous: 30000, changePercent: 11.7 });
  });

  it('receives today what was posted today, against yesterday', () => {
    // 25.00 in one payment against 235.00 in two: −89.4 %
    expect(kpis.receivedToday).toEqual({ value: 2500, count: 1, previous: 23500, previousCount: 2, changePercent: -89.4 });
  });

  it('rates April on the 135.00 due in April and March on its 400.00', () => {
    expect(kpis.collectionRate).toEqual({ value: 248.1, previous: 75, changePercent: 230.8 });
  });

  it('averages the collection time without the reversed payment’s allocation', () => {
    // (9 + 54) / 4 = 15.75 → 15.8; March 20 / 2 = 10.0
    expect(kpis.averageCollectionDays).toEqual({ value: 15.8, previous: 10, changePercent: 58 });
  });

  it('names the month it shows', () => {
    expect(kpis.month).toBe('2025-04');
  });
});

describe('a month with no bills due and no payments', () => {
  const kpis = workspaceKpis({ month: '2025-05', today: '2025-05-01', months: [day('2025-04-10', 'posted', 23500, 2, 54, 3)], days: [], dues: [due('2025-04-20', 13500)] });

  it('shows no collection rate and no change for it', () => {
    expect(kpis.collectionRate).toEqual({ value: null, previous: 174.1, changePercent: null });
  });

  it('has collected nothing: down 100 % on the month before', () => {
    expect(kpis.totalCollected).toEqual({ value: 0, previous: 23500, changePercent: -100 });
  });

  it('has no average collection time, and no change for it', () => {
    expect(kpis.averageCollectionDays).toEqual({ value: null, previous: 18, changePercent: null });
  });

  it('received nothing today or yesterday, with no change to show', () => {
    expect(kpis.receivedToday).toEqual({ value: 0, count: 0, previous: 0, previousCount: 0, changePercent: null });
  });
});
