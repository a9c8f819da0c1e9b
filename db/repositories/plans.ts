import { cents } from '../../core/money.js';
import type { PlanFrequency, PlanStatus } from '../../core/plans/plan.js';
import type { CoverOnPlan, InstallmentOnPlan, PlanCover, PlanInstallment, PlanLine, PlanRecord, PlanVersionRecord } from '../../core/plans/plan-record.js';
import type { PlanFacts } from '../../core/plans/plan-view.js';
import type { CounterDb } from '../connection.js';

type PlanRow = Omit<PlanRecord, 'total' | 'downPayment' | 'status' | 'frequency' | 'source'> & { total: number; downPayment: number; status: string; frequency: string; source: string };
type InstallmentRow = Omit<InstallmentOnPlan, 'amount' | 'open' | 'paid'> & { amount: number; open: number; paid: number };

const PLAN_COLUMNS = `id, plan_number as number, consumer_id as consumerId, status, version, frequency, total, down_payment as downPayment,
  created_at as createdAt, created_by as createdBy, approved_by as approvedBy, hold_since as holdSince, source`;

/** What is open on an installment is the sum of its lines; what was paid, minus its payment and reversal lines. */
const INSTALLMENT_COLUMNS = `i.id, i.plan_id as planId, i.version, i.number, i.amount, i.due_on as dueOn,
  coalesce((select sum(l.amount) from ledger_lines l where l.item_kind = 'installment' and l.item_id = i.id), 0) as open,
  coalesce((select -sum(l.amount) from ledger_lines l where l.item_kind = 'installment' and l.item_id = i.id and l.entry_kind in ('payment', 'reversal')), 0) as paid`;

const plan = (row: PlanRow): PlanRecord => ({
  ...row,
  total: cents(row.total),
  downPayment: cents(row.downPayment),
  status: row.status as PlanStatus,
  frequency: row.frequency as PlanFrequency,
  source: row.source as PlanRecord['source'],
});
const installment = (row: InstallmentRow): InstallmentOnPlan => ({ ...row, amount: cents(row.amount), open: cents(row.open), paid: cents(row.paid) });

/** Payment plans, their versions, installments, covered items and append-only lines. */
export function plansRepository(db: CounterDb) {
  const c = db.$client;
  const byId = c.prepare<[string], PlanRow>(`select ${PLAN_COLUMNS} from payment_plans where id = ?`);
  const insertPlan = c.prepare(
    `insert into payment_plans (id, plan_number, consumer_id, status, created_at, version, frequency, total, down_payment, created_by, approved_by, hold_since, source)
     values (@id, @number, @consumerId, @status, @createdAt, @version, @frequency, @total, @downPayment, @createdBy, @approvedBy, @holdSince, @source)`,
  );
  const insertInstallment = c.prepare<[string, string, number, number, number, string]>('insert into installments (id, plan_id, version, number, amount, due_on) values (?, ?, ?, ?, ?, ?)');
  const installmentsOf = c.prepare<[string, number], InstallmentRow>(`select ${INSTALLMENT_COLUMNS} from installments i where i.plan_id = ? and i.version = ? order by i.number`);
  const everyInstallmentOf = c.prepare<[string], InstallmentRow>(`select ${INSTALLMENT_COLUMNS} from installments i where i.plan_id = ? order by i.version, i.number`);
  const insertVersion = c.prepare<[string, string, number, string, string | null, string | null, string, string, string]>(
    'insert into plan_versions (id, plan_id, version, action, reason, approved_by, at, by, schedule) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const versionsOf = c.prepare<[string], Omit<PlanVersionRecord, 'schedule' | 'action'> & { action: string; schedule: string }>(
    'select id, plan_id as planId, version, action, reason, approved_by as approvedBy, at, by, schedule from plan_versions where plan_id = ? order by version',
  );
  const insertCover = c.prepare<[string, string, string, number]>('insert into plan_covers (plan_id, item_kind, item_id, amount) values (?, ?, ?, ?)');
  const coversOf = c.prepare<[string], Omit<CoverOnPlan, 'amount' | 'itemKind'> & { itemKind: string; amount: number }>(
    `select c.plan_id as planId, c.item_kind as itemKind, c.item_id as itemId, c.amount,
            coalesce(b.invoice_number, s.description) as reference, coalesce(b.due_on, s.due_on) as dueOn
       from plan_covers c
       left join bills b on c.item_kind = 'bill' and b.id = c.item_id
       left join service_charges s on c.item_kind = 'service' and s.id = c.item_id
      where c.plan_id = ? order by dueOn, reference`,
  );
  const insertLine = c.prepare<[string, string, string, string, string, string]>('insert into plan_lines (id, plan_id, kind, detail, at, by) values (?, ?, ?, ?, ?, ?)');
  const linesOf = c.prepare<[string], Omit<PlanLine, 'detail' | 'kind'> & { kind: string; detail: string }>('select id, plan_id as planId, kind, detail, at, by from plan_lines where plan_id = ? order by seq');
  const underReview = c.prepare<[], PlanRow>(`select ${PLAN_COLUMNS} from payment_plans where status not in ('completed', 'cancelled') order by created_at, plan_number`);
  const ofConsumer = c.prepare<[string], PlanRow>(`select ${PLAN_COLUMNS} from payment_plans where consumer_id = ? order by created_at desc, plan_number desc`);
  const consumerOf = c.prepare<[string], PlanFacts['consumer']>('select id, name, account_number as accountNumber from consumers where id = ?');
  const names = c.prepare<[], { id: string; displayName: string }>('select id, display_name as displayName from users');
  const updates = {
    status: c.prepare<[string, string]>('update payment_plans set status = ? where id = ?'),
    version: c.prepare<[number, string]>('update payment_plans set version = ? where id = ?'),
    frequency: c.prepare<[string, string]>('update payment_plans set frequency = ? where id = ?'),
    holdSince: c.prepare<[string | null, string]>('update payment_plans set hold_since = ? where id = ?'),
  };

  const covers = (planId: string): CoverOnPlan[] => coversOf.all(planId).map((row) => ({ ...row, itemKind: row.itemKind as PlanCover['itemKind'], amount: cents(row.amount) }));

  return {
    byId(id: string): PlanRecord | undefined {
      const row = byId.get(id);
      return row && plan(row);
    },
    insert(record: PlanRecord): void {
      insertPlan.run(record);
    },
    update(id: string, fields: Partial<Pick<PlanRecord, 'status' | 'version' | 'frequency' | 'holdSince'>>): void {
      if (fields.status !== undefined) updates.status.run(fields.status, id);
      if (fields.version !== undefined) updates.version.run(fields.version, id);
      if (fields.frequency !== undefined) updates.frequency.run(fields.frequency, id);
      if (fields.holdSince !== undefined) updates.holdSince.run(fields.holdSince, id);
    },
    insertInstallments(installments: readonly PlanInstallment[]): void {
      for (const i of installments) insertInstallment.run(i.id, i.planId, i.version, i.number, i.amount, i.dueOn);
    },
    installments(planId: string, version: number): InstallmentOnPlan[] {
      return installmentsOf.all(planId, version).map(installment);
    },
    insertVersion(v: PlanVersionRecord): void {
      insertVersion.run(v.id, v.planId, v.version, v.action, v.reason, v.approvedBy, v.at, v.by, JSON.stringify(v.schedule));
    },
    insertCovers(list: readonly PlanCover[]): void {
      for (const cover of list) insertCover.run(cover.planId, cover.itemKind, cover.itemId, cover.amount);
    },
    covers,
    appendLine(line: PlanLine): void {
      insertLine.run(line.id, line.planId, line.kind, JSON.stringify(line.detail), line.at, line.by);
    },
    underReview(): PlanRecord[] {
      return underReview.all().map(plan);
    },
    ofConsumer(consumerId: string): PlanRecord[] {
      return ofConsumer.all(consumerId).map(plan);
    },
    /** Everything the plan's view is made from. */
    facts(id: string): PlanFacts {
      const row = byId.get(id);
      if (!row) throw new Error(`no payment plan ${id}`);
      return {
        plan: plan(row),
        consumer: consumerOf.get(row.consumerId)!,
        covers: covers(id),
        installments: everyInstallmentOf.all(id).map(installment),
        versions: versionsOf.all(id).map((v) => ({ ...v, action: v.action as PlanVersionRecord['action'], schedule: JSON.parse(v.schedule) as PlanVersionRecord['schedule'] })),
        lines: linesOf.all(id).map((l) => ({ ...l, kind: l.kind as PlanLine['kind'], detail: JSON.parse(l.detail) as Record<string, unknown> })),
        names: Object.fromEntries(names.all().map((u) => [u.id, u.displayName])),
      };
    },
  };
}
