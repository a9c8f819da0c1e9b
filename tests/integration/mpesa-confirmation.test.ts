/**
 * M-PESA confirmations from the centre meeting the cashier's M-PESA payments,
 * in either order, through the services as the renderer calls them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../core/sync/protocol.js';
import { applyChangesPage } from '../../db/sync/apply-changes.js';
import { accountOf, openCounter, openItem, paymentInput, type Caller, type CounterBackend } from '../acceptance/counter-backend.js';

const OPENED = new Date(2025, 3, 20, 10, 30, 0);

let counter: CounterBackend;
let jane: Caller;
beforeEach(async () => {
  counter = await openCounter(OPENED);
  jane = await counter.as('jane');
});
afterEach(() => counter.close());

let seq = 0;
/** The centre brings down Safaricom's confirmation of a code. */
function confirmationArrives(code: string, accountNumber: string, amount: number) {
  seq += 1;
  const page: PullResponse = { changes: [{ seq, entity: 'mpesa_confirmation', data: { code, accountNumber, amount, confirmedAt: counter.now.toISOString() } }], next: `cursor-${seq}`, more: false, total: 1 };
  return applyChangesPage(counter.backend.store, page, { now: counter.now.toISOString() });
}

/** Jane takes 25.00 by M-PESA for John Doe's late fee. */
async function lateFeeByMpesa(reference: string) {
  const account = await accountOf(jane, 'WU-10001');
  return jane.call('payment-record', paymentInput(account.consumer.id, [openItem(account, 'Late Fee').id], { type: 'service', method: 'mpesa', amountPaid: '25.00', reference }, counter.now));
}

describe('an M-PESA confirmation that came down before the customer reached the counter', () => {
  it('a confirmation that arrives first verifies the payment when the cashier records it', async () => {
    confirmationArrives('LHG31AA5TX', 'WU-10001', 2500);

    const payment = await lateFeeByMpesa('lhg31aa5tx');

    expect(payment.processing.verification).toBe('verified');
    expect(await jane.call('payment-get', { paymentId: payment.id })).toEqual(payment);
    expect(counter.backend.store.mpesaConfirmations.byCode('LHG31AA5TX')?.paymentId).toBe(payment.id);
    expect(counter.backend.store.syncReviews.unresolved()).toEqual([]);
  });

  it('a confirmation of another amount leaves the payment pending and flags it for a branch manager', async () => {
    confirmationArrives('LHG31AA5TX', 'WU-10001', 3000);

    const payment = await lateFeeByMpesa('LHG31AA5TX');

    expect(payment.processing.verification).toBe('pending');
    expect(counter.backend.store.syncReviews.unresolved()).toMatchObject([
      { kind: 'mpesa_mismatch', refId: payment.id, detail: 'M-PESA says KES 30.00 to WU-10001; the counter recorded KES 25.00 to WU-10001' },
    ]);
  });
});

describe('an M-PESA confirmation that comes down after the payment', () => {
  it('verifies the pending payment without a manager pressing Verify', async () => {
    const payment = await lateFeeByMpesa('LHG31AA5TX');
    expect(payment.processing.verification).toBe('pending');

    expect(confirmationArrives('LHG31AA5TX', 'WU-10001', 2500)).toMatchObject({ verified: 1 });

    expect((await jane.call('payment-get', { paymentId: payment.id })).processing.verification).toBe('verified');
  });
});
