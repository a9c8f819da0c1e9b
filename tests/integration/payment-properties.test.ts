import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import type { SignedInUser } from '../../core/auth/roles.js';
import { remainingCredit } from '../../core/credit-notes/credit-note.js';
import { cents, type Cents } from '../../core/money.js';
import { recordPayment, type UseCaseContext } from '../../core/payments/record-payment.js';
import { reversePayment } from '../../core/payments/reverse-payment.js';
import { DEFAULT_SETTINGS } from '../../core/settings/settings.js';
import { openTill } from '../../core/tills/open-till.js';
import { openDatabase } from '../../db/connection.js';
import { bills, consumers } from '../../db/schema.js';
import { createStore, type Store } from '../../db/store.js';

const cashier: SignedInUser = { id: uuidv7(), username: 'jane', displayName: 'Jane Smith', role: 'cashier' };
const manager: SignedInUser = { id: uuidv7(), username: 'mary', displayName: 'Mary Wanjiku', role: 'branch_manager' };
const context: UseCaseContext = { user: cashier, settings: DEFAULT_SETTINGS, today: '2026-11-23', now: '2026-11-23T09:00:00.000Z' };

/** An in-memory counter with one consumer and the given bills, each charged through the ledger, and the cashier's till open. */
function counterWith(amounts: number[]) {
  const store = createStore(openDatabase(':memory:'));
  for (const user of [cashier, manager]) store.users.add({ ...user, pinHash: '!', createdAt: context.now });
  const consumerId = uuidv7();
  store.db.insert(consumers).values({ id: consumerId, accountNumber: 'WU-90001', name: 'Test Consumer', serviceAddress: '1 Test Road', phone: '0700', email: 't@example.com', status: 'active', type: 'Residential' }).run();
  const billIds = amounts.map((amount, n) => {
    const id = uuidv7();
    store.db.insert(bills).values({ id, consumerId, invoiceNumber: `INV-T-${n}`, period: `P${n}`, amount, issuedOn: `2026-0${1 + n}-01`, dueOn: `2026-0${1 + n}-28` }).run();
    return id;
  });
  store.ledger.append(billIds.map((id, n) => ({ id: uuidv7(), consumerId, entryKind: 'charge' as const, itemKind: 'bill' as const, itemId: id, paymentId: null, amount: cents(amounts[n]!), description: `bill ${n}`, createdAt: context.now, createdBy: 'system' })));
  store.transaction(() => openTill(store.ports, { id: uuidv7(), openingFloat: cents(500_000) }, context));
  return { store, consumerId, billIds };
}

const openOf = (store: Store, consumerId: string) => new Map(store.items.open(consumerId).map((item) => [item.id, item.open as number]));

function pay(store: Store, consumerId: string, itemIds: string[], amountPaid: number, method: 'cash' | 'credit_note' = 'cash', creditNoteId?: string) {
  return store.transaction(() =>
    recordPayment(
      store.ports,
      { id: uuidv7(), consumerId, type: 'bill', itemIds, method, channel: 'walk_in', amountPaid: cents(amountPaid), amountReceived: method === 'cash' ? cents(amountPaid) : undefined, creditNoteId, paymentDate: context.today },
      context,
    ),
  );
}

const billAmounts = fc.array(fc.integer({ min: 1, max: 500_000 }), { minLength: 1, maxLength: 5 });

describe('payments against random bills (fast-check)', () => {
  it('allocations never exceed what is open, never go negative, and add up to the amount paid minus the credit issued', () => {
    fc.assert(
      fc.property(billAmounts, fc.integer({ min: 1, max: 3_000_000 }), (amounts, wanted) => {
        const { store, consumerId, billIds } = counterWith(amounts);
        const openBefore = openOf(store, consumerId);
        const due = amounts.reduce((a, b) => a + b, 0);
        const amountPaid = Math.min(wanted, due + DEFAULT_SETTINGS.overpaymentLimit);
        const outcome = pay(store, consumerId, billIds, amountPaid);
        if (outcome.repeated) throw new Error('not a repeat');
        for (const a of outcome.record.allocations) {
          expect(a.amount).toBeGreaterThan(0);
          expect(a.amount).toBeLessThanOrEqual(openBefore.get(a.itemId)!);
        }
        const allocated = outcome.record.allocations.reduce((sum, a) => sum + a.amount, 0);
        expect(allocated).toBe(amountPaid - (outcome.creditNote?.amount ?? 0));
        expect(outcome.creditNote?.amount ?? 0).toBe(Math.max(0, amountPaid - due));
      }),
      { numRuns: 60 },
    );
  });

  it("the consumer's balance before minus the payment is the balance after, and the cached balance is the ledger's sum", () => {
    fc.assert(
      fc.property(billAmounts, fc.array(fc.integer({ min: 1, max: 200_000 }), { minLength: 1, maxLength: 6 }), (amounts, payments) => {
        const { store, consumerId, billIds } = counterWith(amounts);
        for (const wanted of payments) {
          const open = [...openOf(store, consumerId).entries()].filter(([id]) => billIds.includes(id));
          if (open.length === 0) break;
          const due = open.reduce((sum, [, amount]) => sum + amount, 0);
          const before = store.ledger.balance(consumerId);
          pay(store, consumerId, open.map(([id]) => id), Math.min(wanted, due + 10_000));
          expect(store.ledger.balance(consumerId)).toBe(before - Math.min(wanted, due + 10_000));
          expect(store.ledger.cachedBalance(consumerId)).toBe(store.ledger.balance(consumerId));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('applying credit moves no balance: the items owe less and the note holds less, by the same amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 400_000 }), fc.integer({ min: 1, max: 400_000 }), fc.integer({ min: 1, max: 400_000 }), (first, second, overpaid) => {
        const { store, consumerId, billIds } = counterWith([first, second]);
        const issued = pay(store, consumerId, [billIds[0]!], first + Math.min(overpaid, DEFAULT_SETTINGS.overpaymentLimit));
        if (issued.repeated || !issued.creditNote) throw new Error('expected a credit note');
        const credit = issued.creditNote;
        const balance = store.ledger.balance(consumerId);
        const spend = Math.min(credit.amount, second);
        pay(store, consumerId, [billIds[1]!], spend, 'credit_note', credit.id);
        expect(store.ledger.balance(consumerId)).toBe(balance);
        expect(openOf(store, consumerId).get(billIds[1]!) ?? 0).toBe(second - spend);
        expect(remainingCredit(store.creditNotes.onHand(credit.id)!.usage)).toBe(credit.amount - spend);
        expect(store.ledger.cachedBalance(consumerId)).toBe(balance);
      }),
      { numRuns: 40 },
    );
  });

  it('a reversal gives every bill back what the payment took and cancels its unused credit', () => {
    fc.assert(
      fc.property(billAmounts, fc.integer({ min: 1, max: 3_000_000 }), (amounts, wanted) => {
        const { store, consumerId, billIds } = counterWith(amounts);
        const openBefore = openOf(store, consumerId);
        const balanceBefore = store.ledger.balance(consumerId);
        const due = amounts.reduce((a, b) => a + b, 0);
        const outcome = pay(store, consumerId, billIds, Math.min(wanted, due + DEFAULT_SETTINGS.overpaymentLimit));
        store.transaction(() => reversePayment(store.ports, { id: uuidv7(), paymentId: outcome.paymentId, reason: 'Wrong account' }, manager, context));
        expect(openOf(store, consumerId)).toEqual(openBefore);
        expect(store.ledger.balance(consumerId)).toBe(balanceBefore);
        expect(store.ledger.cachedBalance(consumerId)).toBe(balanceBefore);
        if (!outcome.repeated && outcome.creditNote) {
          const note = store.creditNotes.onHand(outcome.creditNote.id)!;
          expect(note.usage.ended).toBe('cancelled');
          expect(remainingCredit(note.usage)).toBe(0 as Cents);
        }
      }),
      { numRuns: 40 },
    );
  });
});
