import { cents } from '../../core/money.js';
import { oldestDueFirst, type ItemKind, type PayableItem } from '../../core/accounts/account.js';
import type { CounterDb } from '../connection.js';

/** A rescheduled plan numbers its installments afresh: "PP-2026-T01-0001 v2 #1" is not version 1's #1. */
const VERSION_MARK = `case when i.version > 1 then ' v' || i.version else '' end`;
const VERSION_WORDS = `case when i.version > 1 then ' (version ' || i.version || ')' else '' end`;

/**
 * Bills, service charges and installments as payable items. What is still
 * open on each is never stored: it is the sum of the item's ledger lines.
 */
const ITEMS = `
  select 'bill' as kind, b.id, b.consumer_id as consumerId, b.invoice_number as reference, b.period as detail,
         b.amount, b.issued_on as issuedOn, b.due_on as dueOn
    from bills b
  union all
  select 'service', s.id, s.consumer_id, s.description, s.charged_on, s.amount, s.charged_on, s.due_on
    from service_charges s
  union all
  select 'installment', i.id, p.consumer_id, p.plan_number || ${VERSION_MARK} || ' #' || i.number,
         'Installment ' || i.number || ' of ' || p.plan_number || ${VERSION_WORDS},
         i.amount, substr(p.created_at, 1, 10), i.due_on
    from installments i join payment_plans p on p.id = i.plan_id`;

interface ItemRow {
  kind: ItemKind;
  id: string;
  reference: string;
  detail: string;
  amount: number;
  open: number;
  issuedOn: string;
  dueOn: string;
}

const toItem = (row: ItemRow): PayableItem => ({ ...row, amount: cents(row.amount), open: cents(row.open) });

export function itemsRepository(db: CounterDb) {
  // Raw prepared statements: this runs in every payment's transaction and read-back.
  const query = (where: string) =>
    db.$client.prepare<unknown[], ItemRow>(
      `select it.kind, it.id, it.reference, it.detail, it.amount, it.issuedOn, it.dueOn,
              coalesce((select sum(l.amount) from ledger_lines l where l.item_kind = it.kind and l.item_id = it.id), 0) as open
         from (${ITEMS}) it where ${where}`,
    );
  const itemOf = query('it.consumerId = ? and it.id = ?');
  const itemsOf = query('it.consumerId = ?');

  return {
    byIds(consumerId: string, ids: readonly string[]): PayableItem[] {
      return [...new Set(ids)].flatMap((id) => {
        const row = itemOf.get(consumerId, id);
        return row ? [toItem(row)] : [];
      });
    },

    /** Everything still owed on the account, oldest due first. */
    open(consumerId: string): PayableItem[] {
      return oldestDueFirst(itemsOf.all(consumerId).map(toItem).filter((item) => item.open > 0));
    },
  };
}
