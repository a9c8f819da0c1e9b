import type { z } from 'zod';
import type { planAlertSchema } from '../../core/api/calls/plans.js';
import type { PlanAlertRecord } from '../../core/plans/plan-record.js';
import type { CounterDb } from '../connection.js';

type PlanAlertView = z.infer<typeof planAlertSchema>;
type StoredAlert = PlanAlertRecord & { acknowledgedAt: string | null; acknowledgedBy: string | null; note: string | null };

const VIEW = `select a.id, a.plan_id as planId, p.plan_number as planNumber, p.consumer_id as consumerId, c.name as consumerName, c.account_number as accountNumber,
         a.kind, a.message, a.raised_at as raisedAt, a.acknowledged_at as acknowledgedAt, u.display_name as acknowledgedBy, a.note
    from plan_alerts a
    join payment_plans p on p.id = a.plan_id
    join consumers c on c.id = p.consumer_id
    left join users u on u.id = a.acknowledged_by`;

/** Missed installments and broken plans for the recovery desk. */
export function planAlertsRepository(db: CounterDb) {
  const c = db.$client;
  // The unique index (plan, version, kind, installment) makes raising the same alert again a no-op.
  const raise = c.prepare<[string, string, number, string, string | null, string, string]>(
    'insert into plan_alerts (id, plan_id, plan_version, kind, installment_id, message, raised_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing',
  );
  const byId = c.prepare<[string], StoredAlert>(
    `select id, plan_id as planId, plan_version as planVersion, kind, installment_id as installmentId, message, raised_at as raisedAt,
            acknowledged_at as acknowledgedAt, acknowledged_by as acknowledgedBy, note from plan_alerts where id = ?`,
  );
  const acknowledge = c.prepare<[string, string, string | null, string]>('update plan_alerts set acknowledged_at = ?, acknowledged_by = ?, note = ? where id = ? and acknowledged_at is null');
  const open = c.prepare<[], PlanAlertView>(`${VIEW} where a.acknowledged_at is null order by a.raised_at desc, a.rowid desc`);
  const all = c.prepare<[], PlanAlertView>(`${VIEW} order by a.raised_at desc, a.rowid desc`);
  const view = c.prepare<[string], PlanAlertView>(`${VIEW} where a.id = ?`);
  const openCount = c.prepare<[], number>('select count(*) from plan_alerts where acknowledged_at is null').pluck();

  return {
    raise(alert: PlanAlertRecord): boolean {
      return raise.run(alert.id, alert.planId, alert.planVersion, alert.kind, alert.installmentId, alert.message, alert.raisedAt).changes > 0;
    },
    byId(id: string): StoredAlert | undefined {
      return byId.get(id);
    },
    acknowledge(id: string, at: string, by: string, note: string | null): void {
      acknowledge.run(at, by, note, id);
    },
    /** Newest first; only those not yet acknowledged unless asked. */
    list(includeAcknowledged: boolean): PlanAlertView[] {
      return (includeAcknowledged ? all : open).all();
    },
    view(id: string): PlanAlertView | undefined {
      return view.get(id);
    },
    /** The badge: alerts nobody has acknowledged yet. */
    openCount(): number {
      return openCount.get()!;
    },
  };
}
