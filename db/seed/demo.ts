import { cents } from '../../core/money.js';
import type { LedgerLineDraft } from '../../core/ledger/ledger-line.js';
import type { Store } from '../store.js';
import { bills, consumers, installments, paymentPlans, serviceCharges } from '../schema.js';
import { demoReferenceData } from './demo-data.js';
import { DEMO_USERS } from './demo-users.js';
import { seedOnlinePayments, type OnlineDemoBill } from './online-payments.js';

type Charge = { consumerId: string; kind: 'bill' | 'service' | 'installment'; id: string; amount: number; on: string; what: string };

/**
 * Demo data: the users, the reference data of db/seed/demo-data.ts (John
 * Doe and a few hundred generated consumers) and a few online payments.
 * Every charge is also a ledger line, so balances come from the ledger
 * exactly as they will for real data. Deterministic, so every fresh demo
 * looks the same. A counter synced with a centre seeds its users only: its
 * consumers and bills come down from the centre.
 */
export function seedDemo(store: Store, options: { hashPin: (pin: string) => string; now: string; generated?: number; referenceData?: boolean }): void {
  if (store.users.count() > 0) return;
  const id = store.newId;
  const charges: Charge[] = [];

  store.transaction(() => {
    for (const user of DEMO_USERS) {
      store.users.add({ id: id(), username: user.username, displayName: user.displayName, role: user.role, pinHash: options.hashPin(user.pin), createdAt: options.now });
    }
    if (options.referenceData === false) return;

    const accounts = demoReferenceData({ generated: options.generated, newId: id });
    for (const account of accounts) {
      store.db.insert(consumers).values(account.consumer).run();
      for (const bill of account.bills) {
        store.db.insert(bills).values(bill).run();
        charges.push({ consumerId: bill.consumerId, kind: 'bill', id: bill.id, amount: bill.amount, on: bill.issuedOn, what: `Bill ${bill.invoiceNumber} (${bill.period})` });
      }
      for (const charge of account.serviceCharges) {
        store.db.insert(serviceCharges).values(charge).run();
        charges.push({ consumerId: charge.consumerId, kind: 'service', id: charge.id, amount: charge.amount, on: charge.chargedOn, what: charge.description });
      }
      for (const { installments: planInstallments, ...plan } of account.paymentPlans) {
        store.db.insert(paymentPlans).values({ ...plan, total: planInstallments.reduce((sum, i) => sum + i.amount, 0) }).run();
        for (const installment of planInstallments) {
          store.db.insert(installments).values({ ...installment, planId: plan.id }).run();
          charges.push({ consumerId: plan.consumerId, kind: 'installment', id: installment.id, amount: installment.amount, on: plan.createdAt, what: `Installment ${installment.number} of ${plan.planNumber} (arrears rescheduled)` });
        }
      }
    }

    const john = accounts[0]!.consumer.id;
    const onlineBills: OnlineDemoBill[] = [];
    store.ledger.append(
      charges.map(
        (c): LedgerLineDraft => ({ id: id(), consumerId: c.consumerId, entryKind: 'charge', itemKind: c.kind, itemId: c.id, paymentId: null, amount: cents(c.amount), description: c.what, createdAt: `${c.on}T00:00:00.000Z`, createdBy: 'system' }),
      ),
    );
    // A bill of each of the last four generated consumers, paid online: far from John Doe, whose
    // bills stay as the spec has them, and from the first accounts, which the end-to-end tests use.
    for (const c of [...charges].reverse()) {
      if (c.kind === 'bill' && c.consumerId !== john && !onlineBills.some((b) => b.consumerId === c.consumerId)) onlineBills.push({ consumerId: c.consumerId, billId: c.id, reference: c.what, amount: c.amount });
      if (onlineBills.length === 4) break;
    }
    seedOnlinePayments(store, onlineBills, options.now);
  });
}
