import { describe, expect, it } from 'vitest';
import { cents } from '../money.js';
import { DEFAULT_PLAN_RULES } from './plan.js';
import type { InstallmentOnPlan, PlanRecord } from './plan-record.js';
import { planView, type PlanFacts } from './plan-view.js';

const SETTINGS = { plans: DEFAULT_PLAN_RULES, currency: 'KES' };

const plan = (fields: Partial<PlanRecord> = {}): PlanRecord => ({
  id: 'p1',
  number: 'PP-2026-T01-0001',
  consumerId: 'c1',
  status: 'on_track',
  version: 1,
  frequency: 'monthly',
  total: cents(30_000),
  downPayment: cents(0),
  createdAt: '2026-11-23T08:00:00.000Z',
  createdBy: 'u1',
  approvedBy: null,
  holdSince: '2026-11-23T08:00:00.000Z',
  source: 'counter',
  ...fields,
});

const installment = (version: number, number: number, dueOn: string, amount: number, open: number, paid: number): InstallmentOnPlan => ({
  id: `i${version}-${number}`,
  planId: 'p1',
  version,
  number,
  amount: cents(amount),
  dueOn,
  open: cents(open),
  paid: cents(paid),
});

const facts = (fields: Partial<PlanFacts>): PlanFacts => ({
  plan: plan(),
  consumer: { id: 'c1', name: 'John Doe', accountNumber: 'WU-10001' },
  covers: [],
  installments: [],
  versions: [],
  lines: [],
  names: { u1: 'Samuel Kiptoo', system: 'System' },
  ...fields,
});

describe('the view of a plan', () => {
  it('counts what was paid into every version, and what is open on the current one only', () => {
    const view = planView(
      facts({
        plan: plan({ version: 2 }),
        installments: [installment(1, 1, '2026-12-07', 15_000, 0, 5_000), installment(1, 2, '2027-01-07', 15_000, 0, 0), installment(2, 1, '2027-02-01', 25_000, 25_000, 0)],
      }),
      '2026-12-20',
      SETTINGS,
    );
    expect(view).toMatchObject({ paid: 5_000, open: 25_000, nextDue: { number: 1, dueOn: '2027-02-01', open: 25_000 } });
    expect(view.installments.map((i) => [i.id, i.standing])).toEqual([['i2-1', 'due']]);
  });

  it("shows a cancelled plan's installments as the payments left them, not as paid, with nothing due next", () => {
    const view = planView(
      facts({ plan: plan({ status: 'cancelled', holdSince: null }), installments: [installment(1, 1, '2026-12-07', 15_000, 0, 15_000), installment(1, 2, '2027-01-07', 15_000, 0, 0)] }),
      '2027-02-01',
      SETTINGS,
    );
    expect(view.installments.map((i) => [i.number, i.paid, i.open, i.standing])).toEqual([
      [1, 15_000, 0, 'paid'],
      [2, 0, 0, 'missed'],
    ]);
    expect(view).toMatchObject({ nextDue: null, hold: { active: false, since: null } });
  });

  it("gives a plan brought down from the centre its first schedule as its creation, by the system", () => {
    const view = planView(
      facts({ plan: plan({ createdAt: '2025-03-20', createdBy: 'system', source: 'centre', holdSince: null }), installments: [installment(1, 1, '2025-04-15', 6_750, 6_750, 0)] }),
      '2026-11-23',
      SETTINGS,
    );
    expect(view.history).toEqual([{ version: 1, action: 'created', at: '2025-03-20', by: 'System', reason: null, approvedBy: null, installments: [{ number: 1, amount: 6_750, dueOn: '2025-04-15' }] }]);
  });

  it('marks the first installment of the first version as the down payment when the plan has one', () => {
    const view = planView(
      facts({ plan: plan({ downPayment: cents(5_000) }), installments: [installment(1, 0, '2026-11-23', 5_000, 5_000, 0), installment(1, 1, '2026-12-07', 25_000, 25_000, 0)] }),
      '2026-11-23',
      SETTINGS,
    );
    expect(view.installments.map((i) => [i.number, i.isDownPayment])).toEqual([
      [0, true],
      [1, false],
    ]);
  });
});
