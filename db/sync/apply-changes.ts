import type { Statement } from 'better-sqlite3';
import type { z } from 'zod';
import type { LedgerLineDraft } from '../../core/ledger/ledger-line.js';
import { cents } from '../../core/money.js';
import type { PaymentRecord } from '../../core/payments/payment-record.js';
import { PLAN_STATUSES } from '../../core/plans/plan.js';
import type { CounterSettings } from '../../core/settings/settings.js';
import {
  billDescription,
  chargeLine,
  installmentDescription,
  onlinePaymentLine,
  onlinePaymentRecord,
  proofUsedTwiceDetail,
  onlinePaymentState,
  settleWithConfirmation,
  SYSTEM_USER,
  utcDay,
  withCentralSettings,
} from '../../core/sync/apply-rules.js';
import type { Change, ChangeEntity, onlinePaymentData, PullResponse, TillSessionData } from '../../core/sync/protocol.js';
import type { TillSummary } from '../../core/tills/till-report.js';
import type { Store } from '../store.js';

export interface AppliedSummary {
  /** Changes of each kind that wrote something now. */
  applied: Record<ChangeEntity, number>;
  /** Changes applied before (a page delivered again): nothing written for them. */
  unchanged: number;
  /** Counter M-PESA payments this page's confirmations verified, or flagged for a branch manager. */
  verified: number;
  flagged: number;
}

/** A change the counter could not apply; the whole page was rolled back and its cursor not stored. */
export class ChangeNotApplied extends Error {
  constructor(
    readonly seq: number,
    readonly entity: ChangeEntity,
    cause: unknown,
  ) {
    super(`Change ${seq} (${entity}) could not be applied: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'ChangeNotApplied';
  }
}

type PageApplier = (page: PullResponse, options: { now: string }) => AppliedSummary;

type ConsumerChange = Extract<Change, { entity: 'consumer' }>;
type BillChange = Extract<Change, { entity: 'bill' }>;

const ROWS_PER_STATEMENT = 50;

/** Statements of many rows, prepared once per row count: `sql` gets a function that writes `rows` groups of `columns` placeholders. */
function rowsStatements(sqlite: Store['db']['$client']) {
  const prepared = new Map<string, Statement<unknown[]>>();
  return (rows: number, sql: (values: (columns: number) => string) => string): Statement<unknown[]> => {
    const text = sql((columns) => Array(rows).fill(`(${Array(columns).fill('?').join(', ')})`).join(', '));
    let statement = prepared.get(text);
    if (!statement) {
      statement = sqlite.prepare<unknown[]>(text);
      prepared.set(text, statement);
    }
    return statement;
  };
}

// Statements are prepared once per store: preparing them per page or per row cost more than the inserts.
const appliers = new WeakMap<Store, PageApplier>();

/**
 * Applies a page of the centre's changes and stores its cursor in the same
 * transaction, so a crash mid-page neither loses nor repeats anything
 * (CONTRACT.md, "Pull"). Every change is safe to apply twice: items and
 * confirmations are inserted once, consumers and statuses only written when
 * they differ, and money moves once.
 */
export function applyChangesPage(store: Store, page: PullResponse, options: { now: string }): AppliedSummary {
  let apply = appliers.get(store);
  if (!apply) {
    apply = pageApplier(store);
    appliers.set(store, apply);
  }
  return apply(page, options);
}

function pageApplier(store: Store): PageApplier {
  const sqlite = store.db.$client;
  const consumerColumns = ['account_number', 'name', 'service_address', 'phone', 'email', 'status', 'type'];
  // Only a consumer that differs is written: a repeat leaves the row and its search index alone.
  const upsertConsumer = sqlite.prepare<[string, string, string, string, string, string, string, string]>(
    `insert into consumers (id, ${consumerColumns.join(', ')}) values (?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (id) do update set ${consumerColumns.map((c) => `${c} = excluded.${c}`).join(', ')}
     where ${consumerColumns.map((c) => `${c} <> excluded.${c}`).join(' or ')}`,
  );
  const insertBill = sqlite.prepare<[string, string, string, string, number, string, string]>(
    'insert into bills (id, consumer_id, invoice_number, period, amount, issued_on, due_on) values (?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing',
  );
  const insertServiceCharge = sqlite.prepare<[string, string, string, number, string, string]>(
    'insert into service_charges (id, consumer_id, description, amount, charged_on, due_on) values (?, ?, ?, ?, ?, ?) on conflict (id) do nothing',
  );
  // A plan the counter made comes back down with the same id and is left as it is: its installments are charged once.
  const insertPlan = sqlite.prepare<[string, string, string, string, string, number]>(
    'insert into payment_plans (id, plan_number, consumer_id, status, created_at, total) values (?, ?, ?, ?, ?, ?) on conflict (id) do nothing',
  );
  const insertInstallment = sqlite.prepare<[string, string, number, number, string]>('insert into installments (id, plan_id, number, amount, due_on) values (?, ?, ?, ?, ?)');
  const storedOnline = sqlite.prepare<[string], { source: string; allocated: number }>(
    'select source, (select count(*) from payment_allocations a where a.payment_id = p.id) as allocated from payments p where id = ?',
  );
  // The money columns are final (a trigger); an online payment's statuses move on.
  const moveOnline = sqlite.prepare(
    `update payments set webhook_status = @webhook, settlement_status = @settlement, status = @status, settled_at = @settledAt
      where id = @id and (webhook_status is not @webhook or settlement_status is not @settlement or status is not @status or settled_at is not @settledAt)`,
  );
  const insertAllocation = sqlite.prepare<[string, string, number, string, string, number, number]>(
    'insert into payment_allocations (id, payment_id, position, item_kind, item_id, amount, open_before) values (?, ?, ?, ?, ?, ?, ?)',
  );
  const billOpen = sqlite.prepare<[string], { invoiceNumber: string; open: number }>(
    `select invoice_number as invoiceNumber, coalesce((select sum(amount) from ledger_lines l where l.item_kind = 'bill' and l.item_id = b.id), 0) as open
       from bills b where id = ?`,
  );

  const manyRows = rowsStatements(sqlite);
  const consumerValues = (run: ConsumerChange[]) => run.flatMap(({ data: d }) => [d.id, d.accountNumber, d.name, d.serviceAddress, d.phone, d.email, d.status, d.type]);
  const upsertConsumers = (run: ConsumerChange[]): number =>
    manyRows(
      run.length,
      (values) => `insert into consumers (id, ${consumerColumns.join(', ')}) values ${values(8)}
        on conflict (id) do update set ${consumerColumns.map((c) => `${c} = excluded.${c}`).join(', ')}
        where ${consumerColumns.map((c) => `${c} <> excluded.${c}`).join(' or ')}`,
    ).run(...consumerValues(run)).changes;
  const branchTillHeld = sqlite.prepare<[string], string>('select summary from branch_tills where id = ?').pluck();
  const billsKnown = sqlite.prepare<[string], string>('select b.id from json_each(?) j join bills b on b.id = j.value').pluck();

  return (page, { now }) =>
    store.transaction(() => {
      const summary: AppliedSummary = { applied: { consumer: 0, bill: 0, service_charge: 0, payment_plan: 0, online_payment: 0, mpesa_confirmation: 0, settings: 0, till_session: 0 }, unchanged: 0, verified: 0, flagged: 0 };
      // Charge lines wait for one hash-chained append per page; reading what is open on a bill flushes them first.
      const lines: LedgerLineDraft[] = [];
      const flushLines = () => {
        store.ledger.append(lines);
        lines.length = 0;
      };
      let settings: CounterSettings | undefined;

      /** New bills of the run, each with its charge line; a bill already held is left as it is. */
      const insertBills = (run: BillChange[]): number => {
        const known = new Set(billsKnown.all(JSON.stringify(run.map((c) => c.data.id))));
        const fresh = run.filter((c) => !known.has(c.data.id)).map((c) => c.data);
        if (fresh.length === 0) return 0;
        manyRows(fresh.length, (values) => `insert into bills (id, consumer_id, invoice_number, period, amount, issued_on, due_on) values ${values(7)}`).run(
          ...fresh.flatMap((d) => [d.id, d.consumerId, d.invoiceNumber, d.period, d.amount, d.issuedOn, d.dueOn]),
        );
        for (const d of fresh) lines.push(chargeLine(store.newId(), { consumerId: d.consumerId, kind: 'bill', itemId: d.id, amount: d.amount, description: billDescription(d), issuedOn: d.issuedOn }));
        return fresh.length;
      };

      const apply = (change: Change): boolean => {
        switch (change.entity) {
          case 'consumer': {
            const d = change.data;
            return upsertConsumer.run(d.id, d.accountNumber, d.name, d.serviceAddress, d.phone, d.email, d.status, d.type).changes === 1;
          }
          case 'bill': {
            const d = change.data;
            if (insertBill.run(d.id, d.consumerId, d.invoiceNumber, d.period, d.amount, d.issuedOn, d.dueOn).changes === 0) return false;
            lines.push(chargeLine(store.newId(), { consumerId: d.consumerId, kind: 'bill', itemId: d.id, amount: d.amount, description: billDescription(d), issuedOn: d.issuedOn }));
            return true;
          }
          case 'service_charge': {
            const d = change.data;
            if (insertServiceCharge.run(d.id, d.consumerId, d.description, d.amount, d.chargedOn, d.dueOn).changes === 0) return false;
            lines.push(chargeLine(store.newId(), { consumerId: d.consumerId, kind: 'service', itemId: d.id, amount: d.amount, description: d.description, issuedOn: d.chargedOn }));
            return true;
          }
          case 'payment_plan': {
            const d = change.data;
            // Stored as a day: the counter reads it as the issue day of the plan's installments.
            const issuedOn = utcDay(d.createdAt);
            // The centre's own words for a status become on track until the compliance review judges the plan.
            const status = (PLAN_STATUSES as readonly string[]).includes(d.status) ? d.status : 'on_track';
            const total = d.installments.reduce((sum, i) => sum + i.amount, 0);
            if (insertPlan.run(d.id, d.planNumber, d.consumerId, status, issuedOn, total).changes === 0) return false;
            for (const i of d.installments) {
              insertInstallment.run(i.id, d.id, i.number, i.amount, i.dueOn);
              lines.push(chargeLine(store.newId(), { consumerId: d.consumerId, kind: 'installment', itemId: i.id, amount: i.amount, description: installmentDescription(i.number, d.planNumber), issuedOn }));
            }
            return true;
          }
          case 'online_payment':
            return applyOnlinePayment(change.data);
          case 'mpesa_confirmation': {
            const confirmation = { ...change.data, amount: cents(change.data.amount) };
            if (!store.mpesaConfirmations.keep(confirmation, now)) return false;
            const payment = store.mpesaConfirmations.paymentAwaiting(confirmation.code);
            if (payment) {
              const context = { user: SYSTEM_USER, settings: store.settings.get(), today: utcDay(now), now };
              const outcome = settleWithConfirmation(store.ports, { ...payment, amount: cents(payment.amount) }, confirmation, context);
              summary[outcome] += 1;
            }
            return true;
          }
          case 'settings': {
            const before = settings ?? store.settings.get();
            const next = withCentralSettings(before, change.data);
            if (JSON.stringify(next) === JSON.stringify(before)) return false;
            settings = next;
            return true;
          }
          case 'till_session':
            return applyBranchTill(change.data);
        }
      };

      /**
       * Another terminal's closed till, for the end-of-day view. One of this
       * terminal's own (the centre never sends those back, but a counter
       * registered again is a new terminal to it) is left to the local record.
       */
      const applyBranchTill = (d: TillSessionData): boolean => {
        if (store.tills.session(d.id)) return false;
        const summary: TillSummary = {
          ...d,
          taken: cents(d.taken),
          cashExpected: d.cashExpected === null ? null : cents(d.cashExpected),
          cashCounted: d.cashCounted === null ? null : cents(d.cashCounted),
          variance: d.variance === null ? null : cents(d.variance),
        };
        if (branchTillHeld.get(d.id) === JSON.stringify(summary)) return false;
        store.branchTills.save(summary);
        return true;
      };

      const applyOnlinePayment = (d: z.infer<typeof onlinePaymentData>): boolean => {
        const stored = storedOnline.get(d.id);
        if (stored && stored.source !== 'online') throw new Error(`payment ${d.id} was recorded at a counter, not online`);
        const state = onlinePaymentState(d, (stored?.allocated ?? 0) > 0);
        const allocations = state.moneyMovesNow ? allocate(d) : [];
        if (!stored) {
          const online = { gateway: d.gateway, webhookStatus: state.webhook, settlementStatus: state.settlement, initiatedAt: d.initiatedAt, settledAt: d.settledAt };
          const proofAlsoOn = store.payments.receiptUsingReference(d.method, d.reference) ?? null;
          store.payments.insertOnline(onlinePaymentRecord(d, state, allocations, proofAlsoOn), online);
          if (proofAlsoOn) store.syncReviews.open({ id: store.newId(), kind: 'proof_used_twice', refId: d.id, detail: proofUsedTwiceDetail(d, proofAlsoOn, store.settings.get().currency), createdAt: now });
          return true;
        }
        const moved = moveOnline.run({ id: d.id, webhook: state.webhook, settlement: state.settlement, status: state.status, settledAt: d.settledAt }).changes === 1;
        for (const a of allocations) insertAllocation.run(a.id, d.id, a.position, a.itemKind, a.itemId, a.amount, a.openBefore);
        return moved || allocations.length > 0;
      };

      /** The payment's allocations as the counter stores them, each with its ledger line. */
      const allocate = (d: z.infer<typeof onlinePaymentData>): PaymentRecord['allocations'] => {
        flushLines();
        return d.allocations.map((a, position) => {
          const bill = billOpen.get(a.billId);
          if (!bill) throw new Error(`online payment ${d.receiptNumber} pays bill ${a.billId}, which the counter does not know`);
          lines.push(onlinePaymentLine(store.newId(), d, { ...a, invoiceNumber: bill.invoiceNumber }));
          return { id: store.newId(), position, itemKind: 'bill', itemId: a.billId, amount: cents(a.amount), openBefore: cents(bill.open) };
        });
      };

      const applyOne = (change: Change) => {
        let changed: boolean;
        try {
          changed = apply(change);
        } catch (error) {
          throw new ChangeNotApplied(change.seq, change.entity, error);
        }
        if (changed) summary.applied[change.entity]++;
        else summary.unchanged++;
      };

      // Consumers depend on nothing and bills only on consumers, so a page's
      // consumers go first, then its bills, many rows a statement (a first
      // download brings them by the hundred thousand), then the rest in order.
      const byEntity = (entity: 'consumer' | 'bill') => page.changes.filter((change) => change.entity === entity);
      const inRuns = <C extends ConsumerChange | BillChange>(changes: C[], insert: (run: C[]) => number) => {
        for (let n = 0; n < changes.length; n += ROWS_PER_STATEMENT) {
          const run = changes.slice(n, n + ROWS_PER_STATEMENT);
          try {
            const applied = insert(run);
            summary.applied[run[0]!.entity] += applied;
            summary.unchanged += run.length - applied;
          } catch {
            // The statement changed nothing; one by one names the change at fault.
            run.forEach(applyOne);
          }
        }
      };
      inRuns(byEntity('consumer') as ConsumerChange[], upsertConsumers);
      inRuns(byEntity('bill') as BillChange[], insertBills);
      for (const change of page.changes) if (change.entity !== 'consumer' && change.entity !== 'bill') applyOne(change);
      flushLines();
      // Saved last: the settings repository caches what it saves, and a later change failing must not leave that cache ahead of the database.
      if (settings) store.settings.save(settings);
      store.syncState.set('pull.cursor', page.next);
      return summary;
    });
}
