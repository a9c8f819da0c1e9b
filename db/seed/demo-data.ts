import type { Consumer } from '../../core/accounts/account.js';
/**
 * The demo's reference data as plain rows: the payments spec's sample
 * consumer (John Doe, WU-10001, with its bills, service charges and plan,
 * section 8) and generated consumers. Pure and deterministic except for the
 * ids `newId` gives, so the counter's demo (db/seed/demo.ts) and the central
 * server's (central/demo.ts) hold the same consumers.
 */

export type DemoConsumer = Consumer;
export interface DemoBill { id: string; consumerId: string; invoiceNumber: string; period: string; amount: number; issuedOn: string; dueOn: string }
export interface DemoServiceCharge { id: string; consumerId: string; description: string; amount: number; chargedOn: string; dueOn: string }
export interface DemoInstallment { id: string; number: number; amount: number; dueOn: string }
/** `createdAt` is a day (YYYY-MM-DD), as the counter's plans table keeps it. */
export interface DemoPaymentPlan { id: string; planNumber: string; consumerId: string; status: string; createdAt: string; installments: DemoInstallment[] }

/** One consumer and what they are charged, in the order the demo issues it. */
export interface DemoAccount {
  consumer: DemoConsumer;
  bills: DemoBill[];
  serviceCharges: DemoServiceCharge[];
  paymentPlans: DemoPaymentPlan[];
}

/**
 * The accounts in order, John Doe first. Ids are taken from `newId` in the
 * order the rows are made, so with time-ordered ids the rows sort as issued.
 */
export function demoReferenceData(options: { generated?: number; newId: () => string }): DemoAccount[] {
  const id = options.newId;
  const john = id();
  const johnDoe: DemoAccount = {
    consumer: { id: john, accountNumber: 'WU-10001', name: 'John Doe', serviceAddress: '123 Main Street, Cityville', phone: '(555) 123-4567', email: 'john.doe@email.com', status: 'active', type: 'Residential' },
    bills: [
      { id: id(), consumerId: john, invoiceNumber: 'INV-2025-001234', period: 'Mar 2025', amount: 14550, issuedOn: '2025-03-31', dueOn: '2025-04-15' },
      { id: id(), consumerId: john, invoiceNumber: 'INV-2025-001567', period: 'Apr 2025', amount: 15225, issuedOn: '2025-04-30', dueOn: '2025-05-15' },
    ],
    serviceCharges: [
      { id: id(), consumerId: john, description: 'Reconnection Fee', amount: 7500, chargedOn: '2025-04-18', dueOn: '2025-04-18' },
      { id: id(), consumerId: john, description: 'Late Fee', amount: 2500, chargedOn: '2025-04-10', dueOn: '2025-04-10' },
    ],
    paymentPlans: [
      {
        id: id(),
        planNumber: 'PP-2025-0034',
        consumerId: john,
        status: 'on_track',
        createdAt: '2025-03-20',
        installments: ['2025-04-15', '2025-05-15', '2025-06-15'].map((dueOn, i) => ({ id: id(), number: i + 1, amount: 6750, dueOn })),
      },
    ],
  };

  const accounts = [johnDoe];
  const random = seededRandom(10001);
  for (let n = 0; n < (options.generated ?? 300); n++) {
    const consumer = generatedConsumer(random, n, id());
    const bills: DemoBill[] = [];
    const months = 1 + Math.floor(random() * 3);
    for (let m = 0; m < months; m++) {
      const month = 10 - m;
      const invoiceNumber = `INV-2026-${String(20000 + n * 3 + m).padStart(6, '0')}`;
      const amount = 2000 + Math.floor(random() * 600) * 50;
      bills.push({ id: id(), consumerId: consumer.id, invoiceNumber, period: `${MONTHS[month - 1]} 2026`, amount, issuedOn: `2026-${pad(month)}-28`, dueOn: `2026-${pad(month + 1)}-15` });
    }
    const serviceCharges: DemoServiceCharge[] = [];
    if (random() < 0.15) {
      const description = pick(random, ['Reconnection Fee', 'Late Fee', 'Meter Test Fee']);
      const amount = pick(random, [7500, 2500, 5000]);
      const chargedOn = `2026-${pad(1 + Math.floor(random() * 10))}-10`;
      serviceCharges.push({ id: id(), consumerId: consumer.id, description, amount, chargedOn, dueOn: chargedOn });
    }
    accounts.push({ consumer, bills, serviceCharges, paymentPlans: [] });
  }
  return accounts;
}

/** The n-th generated consumer (0-based), drawn from `random`; the demo's accounts are WU-(10002 + n). */
export function generatedConsumer(random: () => number, n: number, id: string, accountNumber = `WU-${10002 + n}`): DemoConsumer {
  const first = pick(random, FIRST_NAMES);
  const last = pick(random, LAST_NAMES);
  return {
    id,
    accountNumber,
    name: `${first} ${last}`,
    serviceAddress: `${1 + Math.floor(random() * 400)} ${pick(random, STREETS)}, ${pick(random, TOWNS)}`,
    phone: `+254 7${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
    email: `${first}.${last}${n}@example.co.ke`.toLowerCase(),
    status: random() < 0.9 ? 'active' : pick(random, ['suspended', 'disconnected'] as const),
    type: random() < 0.85 ? 'Residential' : 'Commercial',
  };
}

/** mulberry32: small, fast and the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const pad = (n: number) => String(n).padStart(2, '0');

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const FIRST_NAMES = ['Achieng', 'Brian', 'Cynthia', 'David', 'Esther', 'Faith', 'George', 'Halima', 'Ian', 'Joyce', 'Kevin', 'Lucy', 'Moses', 'Nancy', 'Omar', 'Purity', 'Quincy', 'Rose', 'Stephen', 'Teresa', 'Wanjiru', 'Yusuf', 'Zawadi', 'Daniel', 'Grace'] as const;
const LAST_NAMES = ['Otieno', 'Kamau', 'Wanjiku', 'Mwangi', 'Odhiambo', 'Njoroge', 'Kiptoo', 'Chebet', 'Mutua', 'Akinyi', 'Hassan', 'Were', 'Barasa', 'Doe', 'Ndungu', 'Omondi', 'Korir', 'Muthoni', 'Onyango', 'Wafula'] as const;
const STREETS = ['Moi Avenue', 'Kenyatta Road', 'Main Street', 'Market Lane', 'Station Road', 'Hospital Road', 'River Drive', 'Church Road'] as const;
const TOWNS = ['Cityville', 'Riverside', 'Hilltop', 'Lakeview', 'Eastgate'] as const;
