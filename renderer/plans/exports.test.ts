import { describe, expect, it } from 'vitest';
import { collectionCsv, collectionFileName, delinquentCsv } from './exports.js';

describe('the delinquent accounts export', () => {
  it('has one row per account, amounts as plain numbers and the plan in words', () => {
    const csv = delinquentCsv([
      { consumerId: 'c1', accountNumber: 'WU-10001', name: 'John Doe', status: 'active', arrears: 39_775, oldestDueOn: '2025-04-10', daysOverdue: 592, plan: { id: 'p1', number: 'PP-2026-T01-0001', status: 'at_risk' } },
      { consumerId: 'c2', accountNumber: 'WU-10002', name: 'Faith Kamau', status: 'disconnected', arrears: 500_000, oldestDueOn: null, daysOverdue: 0, plan: null },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'Account,Name,Account status,Arrears,Oldest due,Days overdue,Plan,Plan status',
      'WU-10001,John Doe,Active,397.75,2025-04-10,592,PP-2026-T01-0001,At risk',
      'WU-10002,Faith Kamau,Disconnected,5000.00,,0,,',
      '',
    ]);
  });
});

describe('the collection report export', () => {
  const report = {
    from: '2026-11-01',
    to: '2026-11-30',
    created: 1,
    active: 1,
    completed: 0,
    broken: 0,
    cancelled: 0,
    scheduled: 13_258,
    collected: 13_258,
    complianceRate: 100,
    plans: [{ id: 'p1', number: 'PP-2026-T01-0001', consumerName: 'John Doe', accountNumber: 'WU-10001', status: 'on_track' as const, createdAt: '2026-11-23T09:15:00.000Z', scheduled: 13_258, collected: 13_258 }],
  };

  it('lists each plan with what was scheduled and collected in the period', () => {
    expect(collectionCsv(report).split('\r\n').slice(0, 2)).toEqual(['Plan,Consumer,Account,Status,Created,Scheduled,Collected', 'PP-2026-T01-0001,John Doe,WU-10001,On track,2026-11-23,132.58,132.58']);
  });

  it('is named after its period', () => {
    expect(collectionFileName(report)).toBe('plan-collections-2026-11-01-to-2026-11-30.csv');
  });
});
