import { describe, expect, it } from 'vitest';
import { cents } from '../money.js';
import { collectionReport, type CollectionFacts, type ReportInstallment, type ReportPlan } from './collection-report.js';

const DECEMBER = { from: '2026-12-01', to: '2026-12-31' };
const TODAY = '2027-01-05';
const GRACE = 7;

const plan = (id: string, fields: Partial<ReportPlan> & Pick<ReportPlan, 'status' | 'createdOn'>): ReportPlan => ({
  id,
  number: `PP-2026-T01-000${id}`,
  consumerName: `Consumer ${id}`,
  accountNumber: `WU-1000${id}`,
  createdAt: `${fields.createdOn}T09:00:00.000Z`,
  cancelledOn: null,
  ...fields,
});
const installment = (planId: string, amount: number, dueOn: string, payments: Array<[string, number]> = []): ReportInstallment => ({
  planId,
  amount: cents(amount),
  dueOn,
  payments: payments.map(([paidOn, paid]) => ({ paidOn, amount: cents(paid) })),
});

/**
 * Five plans, by hand:
 * 1 on track since November: 300.00 due 15 Dec, paid 20 Dec (within 7 days' grace); its 100.00 down payment was paid in November.
 * 2 broken, made 5 Dec: 200.00 due 10 Dec, paid 9 Dec but that payment was reversed, paid again 28 Dec (late); 200.00 due 24 Dec, unpaid.
 * 3 made 18 Dec, cancelled 20 Dec: 50.00 due 19 Dec paid that day; 50.00 due 26 Dec, after the cancel, never owed.
 * 4 completed in the summer: nothing in December.
 * 5 at risk, made 29 Dec: its 100.00 down payment, due that day, is unpaid, and 5 Jan is the last day of its grace.
 */
const facts: CollectionFacts = {
  plans: [
    plan('1', { status: 'on_track', createdOn: '2026-11-23' }),
    plan('2', { status: 'broken', createdOn: '2026-12-05' }),
    plan('3', { status: 'cancelled', createdOn: '2026-12-18', cancelledOn: '2026-12-20' }),
    plan('4', { status: 'completed', createdOn: '2026-06-01' }),
    plan('5', { status: 'at_risk', createdOn: '2026-12-29' }),
  ],
  installments: [
    installment('1', 10_000, '2026-11-23', [['2026-11-23', 10_000]]),
    installment('1', 30_000, '2026-12-15', [['2026-12-20', 30_000]]),
    installment('1', 30_000, '2027-01-15'),
    installment('2', 20_000, '2026-12-10', [['2026-12-09', 0], ['2026-12-28', 20_000]]),
    installment('2', 20_000, '2026-12-24'),
    installment('3', 5_000, '2026-12-19', [['2026-12-19', 5_000]]),
    installment('3', 5_000, '2026-12-26'),
    installment('4', 40_000, '2026-07-01', [['2026-07-01', 40_000]]),
    installment('5', 10_000, '2026-12-29'),
  ],
  collections: [
    { planId: '1', paidOn: '2026-11-23', amount: cents(10_000) },
    { planId: '1', paidOn: '2026-12-20', amount: cents(30_000) },
    { planId: '2', paidOn: '2026-12-09', amount: cents(0) },
    { planId: '2', paidOn: '2026-12-28', amount: cents(20_000) },
    { planId: '3', paidOn: '2026-12-19', amount: cents(5_000) },
    { planId: '4', paidOn: '2026-07-01', amount: cents(40_000) },
  ],
};

describe('the collection report', () => {
  const december = collectionReport(DECEMBER, facts, TODAY, GRACE);

  it('counts the plans made in the period, and every plan by where it stands now', () => {
    expect(december).toMatchObject({ from: '2026-12-01', to: '2026-12-31', created: 3, active: 2, completed: 1, broken: 1, cancelled: 1 });
  });

  it('schedules what the plans made due in the period, leaving out what a cancel took away', () => {
    // 300.00 + 200.00 + 200.00 + 50.00 + 100.00
    expect(december.scheduled).toBe(85_000);
  });

  it('collects what payments in the period put on installments, a reversed payment counting nothing', () => {
    // 300.00 (plan 1) + 200.00 paid again (plan 2) + 50.00 (plan 3); November's down payment is not December's
    expect(december.collected).toBe(55_000);
  });

  it('rates compliance over installments past their grace: paid in full in time, of all of them', () => {
    // Past grace by 5 Jan: plan 1's 15 Dec (paid in time), plan 2's 10 Dec (paid late, the in-time payment reversed) and
    // 24 Dec (unpaid), plan 3's 19 Dec (paid). Plan 5's 29 Dec is on its last day of grace and is left out: 2 of 4.
    expect(december.complianceRate).toBe(50);
  });

  it('lists each plan that was made, fell due or was paid in the period, oldest first', () => {
    expect(december.plans.map((p) => [p.number, p.status, p.scheduled, p.collected])).toEqual([
      ['PP-2026-T01-0001', 'on_track', 30_000, 30_000],
      ['PP-2026-T01-0002', 'broken', 40_000, 20_000],
      ['PP-2026-T01-0003', 'cancelled', 5_000, 5_000],
      ['PP-2026-T01-0005', 'at_risk', 10_000, 0],
    ]);
  });

  it('has no compliance rate, nothing scheduled and no rows for a period in which nothing fell due or was paid', () => {
    const quiet = collectionReport({ from: '2026-11-24', to: '2026-11-30' }, facts, TODAY, GRACE);
    expect(quiet).toMatchObject({ created: 0, scheduled: 0, collected: 0, complianceRate: null, plans: [] });
    expect(quiet).toMatchObject({ active: 2, completed: 1, broken: 1, cancelled: 1 });
  });

  it('gives the rate to one decimal, half up', () => {
    const rate = (paid: number, due: number) => {
      const installments = Array.from({ length: due }, (_, n) => installment('1', 1_000, '2026-12-01', n < paid ? [['2026-12-01', 1_000]] : []));
      return collectionReport(DECEMBER, { ...facts, installments }, TODAY, GRACE).complianceRate;
    };
    expect([rate(2, 3), rate(1, 3), rate(1, 8), rate(3, 3), rate(0, 2)]).toEqual([66.7, 33.3, 12.5, 100, 0]);
  });

  it('counts a part payment in time as not paid in full, even if the rest came after the grace', () => {
    const installments = [installment('1', 30_000, '2026-12-15', [['2026-12-15', 29_999], ['2026-12-23', 1]])];
    expect(collectionReport(DECEMBER, { ...facts, installments }, TODAY, GRACE).complianceRate).toBe(0);
    const onLastDay = [installment('1', 30_000, '2026-12-15', [['2026-12-15', 29_999], ['2026-12-22', 1]])];
    expect(collectionReport(DECEMBER, { ...facts, installments: onLastDay }, TODAY, GRACE).complianceRate).toBe(100);
  });
});
