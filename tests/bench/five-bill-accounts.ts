import { cents } from '../../core/money.js';
import { bills, consumers } from '../../db/schema.js';
import type { Store } from '../../db/store.js';

/**
 * Accounts made for the bench, each with five unpaid bills of 10.00, so that
 * every measured payment clears five bills and issues a credit note without
 * reusing an account another sample already paid. The payments are taken
 * into the till the bench's cashier opened (run.ts).
 */
export function addFiveBillAccounts(store: Store, count: number): Array<{ consumerId: string; billIds: string[] }> {
  const accounts: Array<{ consumerId: string; billIds: string[] }> = [];
  store.transaction(() => {
    for (let n = 0; n < count; n++) {
      const consumerId = store.newId();
      store.db
        .insert(consumers)
        .values({ id: consumerId, accountNumber: `BENCH-${n}`, name: `Bench Account ${n}`, serviceAddress: 'Bench Road', phone: '+254 700000000', email: `bench${n}@example.com`, status: 'active', type: 'Residential' })
        .run();
      const billIds = [1, 2, 3, 4, 5].map((month) => {
        const billId = store.newId();
        const issuedOn = `2026-0${month}-28`;
        store.db.insert(bills).values({ id: billId, consumerId, invoiceNumber: `BENCH-${n}-${month}`, period: `Month ${month}`, amount: 1000, issuedOn, dueOn: `2026-0${month + 1}-15` }).run();
        return billId;
      });
      store.ledger.append(
        billIds.map((billId, i) => ({ id: store.newId(), consumerId, entryKind: 'charge' as const, itemKind: 'bill' as const, itemId: billId, paymentId: null, amount: cents(1000), description: `Bill BENCH-${n}-${i + 1}`, createdAt: '2026-01-28T00:00:00.000Z', createdBy: 'system' })),
      );
      accounts.push({ consumerId, billIds });
    }
  });
  return accounts;
}
