import { describe, expect, it } from 'vitest';
import type { SignedInUser } from '../auth/roles.js';
import { cents, type Cents } from '../money.js';
import { DEFAULT_SETTINGS } from '../settings/settings.js';
import { expectedByMethod, tillReport, tillSummary, varianceOfCount, type TillFacts } from './till-report.js';
import type { TillLine } from './till-session.js';

const jane: SignedInUser = { id: 'u-jane', username: 'jane', displayName: 'Jane Smith', role: 'cashier' };
const mary: SignedInUser = { id: 'u-mary', username: 'mary', displayName: 'Mary Wanjiku', role: 'branch_manager' };
const at = '2026-11-23T08:00:00.000Z';
const line = (kind: TillLine['kind'], fields: Record<string, unknown>, by = jane.id) => ({ kind, id: `l-${kind}-${Math.random()}`, tillSessionId: 't1', at, by, ...fields }) as unknown as TillLine;
const TOLERANCE = cents(1_000);
const payment = (method: TillFacts['payments'][number]['method'], amount: number, receiptNumber: string, received: number | null = null) => ({
  method,
  amount: cents(amount),
  amountReceived: received === null ? null : cents(received),
  change: received === null ? null : cents(received - amount),
  receiptNumber,
});

/** A morning: float 5,000.00; cash 145.50 paid with 150.00; card 300.00; M-PESA 200.00 later reversed; a 1,000.00 safe drop. */
function morning(extra: TillLine[] = []): TillFacts {
  return {
    session: { id: 't1', number: 'TS-T01-00001', terminalCode: 'T01', cashierId: jane.id, businessDate: '2026-11-23', openingFloat: cents(500_000), status: 'open', openedAt: at, closedAt: null, closedBy: null },
    lines: [
      line('opening_float', { amount: cents(500_000), counts: { '100000': 5 } }),
      line('cash_out', { amount: cents(100_000), reason: 'Safe drop', approvedBy: null }),
      ...extra,
    ],
    payments: [payment('cash', 14_550, 'R-T01-5001', 15_000), payment('card', 30_000, 'R-T01-5002'), payment('mpesa', 20_000, 'R-T01-5003')],
    reversals: [{ number: 'RV-T01-00001', receiptNumber: 'R-T01-5003', method: 'mpesa', amount: cents(20_000), at }],
    creditNotes: [],
    names: { [jane.id]: jane.displayName, [mary.id]: mary.displayName },
  };
}

describe('a till report', () => {
  it('expects cash of float + received − change − cash out, and card and M-PESA as taken less reversed', () => {
    expect(expectedByMethod(morning())).toEqual({ cash: 500_000 + 15_000 - 450 - 100_000, card: 30_000, mpesa: 0 });
  });

  it('shows per tender what was taken and reversed, and the first and last receipts', () => {
    const report = tillReport(morning(), mary, DEFAULT_SETTINGS);
    expect(report.methods.map((m) => [m.label, m.payments, m.taken, m.reversals, m.net])).toEqual([
      ['Cash', 1, 14_550, 0, 14_550],
      ['Card', 1, 30_000, 0, 30_000],
      ['M-PESA', 1, 20_000, 1, 0],
    ]);
    expect(report.receipts).toEqual({ count: 3, first: 'R-T01-5001', last: 'R-T01-5003' });
    expect(report.cash).toEqual({ openingFloat: 500_000, received: 15_000, changeGiven: 450, cashIn: 0, cashOut: 100_000, refunds: 0, expected: 414_550 });
  });

  it('hides from a cashier every amount that gives the count away until the drawer is counted (blind count)', () => {
    const report = tillReport(morning(), jane, DEFAULT_SETTINGS);
    expect(report.blind).toBe(true);
    expect(report.cash).toEqual({ openingFloat: 500_000, received: null, changeGiven: null, cashIn: 0, cashOut: 100_000, refunds: null, expected: null });
    expect(report.methods.every((m) => m.taken === null && m.net === null)).toBe(true);
    expect(report.methods.map((m) => m.payments)).toEqual([1, 1, 1]);
  });

  it('shows the cashier everything once blind count is off, or once they have counted', () => {
    expect(tillReport(morning(), jane, { ...DEFAULT_SETTINGS, tills: { ...DEFAULT_SETTINGS.tills, blindCount: false } }).cash.expected).toBe(414_550);
    const facts = morning();
    const variances = varianceOfCount(facts, { cash: cents(409_550), card: cents(30_000), mpesa: cents(0) });
    const counted = morning([line('count', { amount: cents(409_550), counts: { '100000': 4, '500': 1911 }, card: cents(30_000), mpesa: cents(0), variances, tolerance: TOLERANCE })]);
    const report = tillReport(counted, jane, DEFAULT_SETTINGS);
    expect(report.blind).toBe(false);
    expect(report.variances).toEqual([
      { method: 'cash', expected: 414_550, counted: 409_550, variance: -5_000 },
      { method: 'card', expected: 30_000, counted: 30_000, variance: 0 },
      { method: 'mpesa', expected: 0, counted: 0, variance: 0 },
    ]);
    expect(report.beyondTolerance).toEqual(['cash']);
  });

  it('keeps every count: a recount is listed after the first, and the latest decides the variance', () => {
    const facts = morning();
    const count = (cash: number) => line('count', { amount: cents(cash), counts: {}, card: cents(30_000), mpesa: cents(0), variances: varianceOfCount(facts, { cash: cents(cash), card: cents(30_000), mpesa: cents(0) }), tolerance: TOLERANCE });
    const report = tillReport(morning([count(409_550), count(414_550)]), jane, DEFAULT_SETTINGS);
    expect(report.counts.map((c) => [c.recount, c.cash])).toEqual([
      [false, 409_550],
      [true, 414_550],
    ]);
    expect(report.beyondTolerance).toEqual([]);
  });

  it('names the manager who approved a variance and why, and who closed', () => {
    const facts = morning();
    const variances = varianceOfCount(facts, { cash: cents(409_550), card: cents(30_000), mpesa: cents(0) });
    const closed = morning([
      line('count', { amount: cents(409_550), counts: {}, card: cents(30_000), mpesa: cents(0), variances, tolerance: TOLERANCE }),
      line('variance_approval', { amount: cents(-5_000), reason: 'Change given twice', approvedBy: mary.id }),
      line('close', { amount: cents(0), postingCount: 9, postingTotal: cents(44_550) }),
    ]);
    const report = tillReport(closed, jane, DEFAULT_SETTINGS);
    expect(report.approval).toEqual({ by: 'Mary Wanjiku', reason: 'Change given twice', at });
    expect(report.closedBy).toBe('Jane Smith');
    expect(tillSummary(closed)).toMatchObject({ number: 'TS-T01-00001', cashierName: 'Jane Smith', taken: 44_550, cashExpected: 414_550, cashCounted: 409_550, variance: -5_000, approvedBy: 'Mary Wanjiku' });
  });

  it('counts a cash refund out of the drawer', () => {
    const facts = morning();
    facts.reversals.push({ number: 'RV-T01-00002', receiptNumber: 'R-T01-5001', method: 'cash', amount: cents(14_550) as Cents, at });
    expect(expectedByMethod(facts).cash).toBe(414_550 - 14_550);
  });
});
