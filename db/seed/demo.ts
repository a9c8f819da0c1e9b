import { cents } from '../../core/money.js';
import type { LedgerLineDraft } from '../../core/ledger/ledger-line.js';
import type { Store } from '../store.js';
import { bills, consumers, installments, paymentPlans, serviceCharges } from '../schema.js';
import { DEMO_USERS } from './demo-users.js';
import { seedOnlinePayments, type OnlineDemoBill } from './online-payments.js';

type Charge = { consumerId: string; kind: 'bill' | 'service' | 'installment'; id: string; amount: number; on: string; what: string };

/**
 * Demo data: the payments spec's sample consumer (John Doe, WU-10001, with
 * its bills, service charges and plan, section 8) and a few hundred
 * generated consumers. Every charge is also a ledger line, so balances come
 * from the ledger exactly as they will for real data. Deterministic, so
 * every fresh demo looks the same.
 */
export function seedDemo(store: Store, options: { hashPin: (pin: string) => string; now: string; generated?: number }): void {
  if (store.users.count() > 0) return;
  const id = store.newId;
  const charges: Charge[] = [];

  store.transaction(() => {
    for (const user of DEMO_USERS) {
      store.users.add({ id: id(), username: user.username, displayName: user.displayName, role: user.role, pinHash: options.hashPin(user.pin), createdAt: options.now });
    }

    const john = id();
    store.db.insert(consumers).values({ id: john, accountNumber: 'WU-10001', name: 'John Doe', serviceAddress: '123 Main Street, Cityville', phone: '(555) 123-4567', email: 'john.doe@email.com', status: 'active', type: 'Residential' }).run();
    addBill(john, 'INV-2025-001234', 'Mar 2025', 14550, '2025-03-31', '2025-04-15');
    addBill(john, 'INV-2025-001567', 'Apr 2025', 15225, '2025-04-30', '2025-05-15');
    addService(john, 'Reconnection Fee', 7500, '2025-04-18');
    addService(john, 'Late Fee', 2500, '2025-04-10');
    const plan = id();
    store.db.insert(paymentPlans).values({ id: plan, planNumber: 'PP-2025-0034', consumerId: john, status: 'on_track', createdAt: '2025-03-20' }).run();
    ['2025-04-15', '2025-05-15', '2025-06-15'].forEach((dueOn, i) => {
      const installment = id();
      store.db.insert(installments).values({ id: installment, planId: plan, number: i + 1, amount: 6750, dueOn }).run();
      charges.push({ consumerId: john, kind: 'installment', id: installment, amount: 6750, on: '2025-03-20', what: `Installment ${i + 1} of PP-2025-0034 (arrears rescheduled)` });
    });

    const random = seededRandom(10001);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    for (let n = 0; n < (options.generated ?? 300); n++) {
      const consumer = id();
      const first = pick(FIRST_NAMES);
      const last = pick(LAST_NAMES);
      const accountNumber = `WU-${10002 + n}`;
      store.db
        .insert(consumers)
        .values({
          id: consumer,
          accountNumber,
          name: `${first} ${last}`,
          serviceAddress: `${1 + Math.floor(random() * 400)} ${pick(STREETS)}, ${pick(TOWNS)}`,
          phone: `+254 7${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
          email: `${first}.${last}${n}@example.co.ke`.toLowerCase(),
          status: random() < 0.9 ? 'active' : pick(['suspended', 'disconnected'] as const),
          type: random() < 0.85 ? 'Residential' : 'Commercial',
        })
        .run();
      const months = 1 + Math.floor(random() * 3);
      for (let m = 0; m < months; m++) {
        const month = 10 - m;
        const period = `${MONTHS[month - 1]} 2026`;
        addBill(consumer, `INV-2026-${String(20000 + n * 3 + m).padStart(6, '0')}`, period, 2000 + Math.floor(random() * 600) * 50, `2026-${pad(month)}-28`, `2026-${pad(month + 1)}-15`);
      }
      if (random() < 0.15) addService(consumer, pick(['Reconnection Fee', 'Late Fee', 'Meter Test Fee']), pick([7500, 2500, 5000]), `2026-${pad(1 + Math.floor(random() * 10))}-10`);
    }

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

  function addBill(consumerId: string, invoiceNumber: string, period: string, amount: number, issuedOn: string, dueOn: string) {
    const bill = id();
    store.db.insert(bills).values({ id: bill, consumerId, invoiceNumber, period, amount, issuedOn, dueOn }).run();
    charges.push({ consumerId, kind: 'bill', id: bill, amount, on: issuedOn, what: `Bill ${invoiceNumber} (${period})` });
  }

  function addService(consumerId: string, description: string, amount: number, chargedOn: string) {
    const charge = id();
    store.db.insert(serviceCharges).values({ id: charge, consumerId, description, amount, chargedOn, dueOn: chargedOn }).run();
    charges.push({ consumerId, kind: 'service', id: charge, amount, on: chargedOn, what: description });
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** mulberry32: small, fast and the same on every machine. */
function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const FIRST_NAMES = ['Achieng', 'Brian', 'Cynthia', 'David', 'Esther', 'Faith', 'George', 'Halima', 'Ian', 'Joyce', 'Kevin', 'Lucy', 'Moses', 'Nancy', 'Omar', 'Purity', 'Quincy', 'Rose', 'Stephen', 'Teresa', 'Wanjiru', 'Yusuf', 'Zawadi', 'Daniel', 'Grace'] as const;
const LAST_NAMES = ['Otieno', 'Kamau', 'Wanjiku', 'Mwangi', 'Odhiambo', 'Njoroge', 'Kiptoo', 'Chebet', 'Mutua', 'Akinyi', 'Hassan', 'Were', 'Barasa', 'Doe', 'Ndungu', 'Omondi', 'Korir', 'Muthoni', 'Onyango', 'Wafula'] as const;
const STREETS = ['Moi Avenue', 'Kenyatta Road', 'Main Street', 'Market Lane', 'Station Road', 'Hospital Road', 'River Drive', 'Church Road'] as const;
const TOWNS = ['Cityville', 'Riverside', 'Hilltop', 'Lakeview', 'Eastgate'] as const;
