/**
 * Acceptance tests of the receipt and the Payments details view (payments
 * spec, section 9: AC12, AC13, AC17–AC20, AC22, AC23), through the services
 * exactly as the renderer calls them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput, CallOutput } from '../../core/api/contract.js';
import {
  onlineStatusAfterSettlement,
  onlineStatusLabels,
  onlineStatusOfPayment,
  paymentStatusOfOnline,
  processingTime,
  SETTLEMENT_STATUS_LABELS,
  WEBHOOK_STATUS_LABELS,
  type OnlineStatus,
} from '../../core/payments/gateway-status.js';
import { type Account, accountOf, type Caller, type CounterBackend, openCounter, openItem, paymentInput, refusal } from './counter-backend.js';

type Document = CallOutput<'document-preview'>;

/** Apr 20, 2025, 10:30 at the counter, as the spec's sample payment. */
const OPENED = new Date(2025, 3, 20, 10, 30, 0);

let counter: CounterBackend;
beforeEach(async () => {
  counter = await openCounter(OPENED);
});
afterEach(() => counter.close());

const itemId = (account: Account, reference: string): string => openItem(account, reference).id;

/** The spec's cash sample: INV-2025-001234, 145.50 from 150.00, "Customer paid in full". */
async function sampleCashPayment(caller: Caller) {
  const account = await accountOf(caller, 'WU-10001');
  return caller.call('payment-record', paymentInput(account.consumer.id, [itemId(account, 'INV-2025-001234')], { amountPaid: '145.50', amountReceived: '150.00', notes: 'Customer paid in full' }, counter.now));
}

/** Every non-cash method, each on its own item of John Doe's account. */
async function oneOfEachMethod(caller: Caller) {
  const account = await accountOf(caller, 'WU-10001');
  const pay = (reference: string, fields: Partial<CallInput<'payment-record'>> & Pick<CallInput<'payment-record'>, 'amountPaid'>) =>
    caller.call('payment-record', paymentInput(account.consumer.id, [itemId(account, reference)], fields, counter.now));
  return {
    cash: await pay('INV-2025-001234', { amountPaid: '145.50', amountReceived: '150.00' }),
    card: await pay('INV-2025-001567', { method: 'card', amountPaid: '152.25', reference: 'A1B2C3', cardLast4: '4242' }),
    mpesa: await pay('Late Fee', { type: 'service', method: 'mpesa', amountPaid: '25.00', reference: 'LHG31AA5TX' }),
    bank: await pay('Reconnection Fee', { type: 'service', method: 'bank_transfer', amountPaid: '75.00', reference: 'FT25110ABC', bankName: 'Equity Bank' }),
  };
}

/** The demo's online payments, by receipt number, as the details view reads them. */
async function onlinePayments(caller: Caller) {
  const recent = await caller.call('payment-list-recent', { limit: 100 });
  const online = recent.filter((p) => p.receiptNumber.startsWith('R-ONL-'));
  const details = await Promise.all(online.map((p) => caller.call('payment-get', { paymentId: p.id })));
  return Object.fromEntries(details.map((d) => [d.receiptNumber, d])) as Record<'R-ONL-000900' | 'R-ONL-000901' | 'R-ONL-000902' | 'R-ONL-000903', CallOutput<'payment-get'>>;
}

const texts = (document: Document) => document.lines.flatMap((line) => (line.kind === 'text' ? [line.text] : []));
const pairs = (document: Document) => Object.fromEntries(document.lines.flatMap((line) => (line.kind === 'pair' ? [[line.left, line.right]] : [])));

describe('Receipt', () => {
  it('AC12: the receipt carries the consumer, the payment summary and the processing information', async () => {
    const jane = await counter.as('jane');
    const payment = await sampleCashPayment(jane);
    const receipt = await jane.call('document-preview', { document: 'receipt', id: payment.id });
    expect([receipt.title, receipt.fileName, receipt.copy]).toEqual(['Receipt R-T01-5001', 'receipt-R-T01-5001', false]);
    expect(texts(receipt)).toEqual(expect.arrayContaining(['Cityville Water & Power', 'OFFICIAL RECEIPT', 'John Doe', '123 Main Street, Cityville', 'INV-2025-001234  Mar 2025', 'Notes: Customer paid in full']));
    expect(texts(receipt)).not.toContain('*** COPY ***');
    expect(pairs(receipt)).toMatchObject({
      'Receipt no.': 'R-T01-5001',
      'Payment no.': 'PAY-2025-T01-000001',
      Transaction: 'TXN-2025-T01-000001',
      Date: '20 Apr 2025 10:30',
      Terminal: 'T01',
      Cashier: 'Jane Smith',
      'Account no.': 'WU-10001',
      '  Billed': 'KES 145.50',
      '  Applied': 'KES 145.50',
      '  Open after': 'KES 0.00',
      'Payment type': 'Bill',
      Channel: 'Walk-in',
      Method: 'Cash',
      'Amount paid': 'KES 145.50',
      'Amount received': 'KES 150.00',
      Change: 'KES 4.50',
      Status: 'Posted',
      Verification: 'Verified',
      'Balance after': 'KES 454.75',
    });
    expect(receipt.lines).toContainEqual({ kind: 'qr', data: `COUNTER|R-T01-5001|${payment.id}|14550` });
  });

  it('AC12: a receipt of an M-PESA overpayment names the code, the credit note and that it awaits verification', async () => {
    const jane = await counter.as('jane');
    const account = await accountOf(jane, 'WU-10001');
    const payment = await jane.call('payment-record', paymentInput(account.consumer.id, [itemId(account, 'Late Fee')], { type: 'service', method: 'mpesa', amountPaid: '30.00', reference: 'LHG31AA5TX' }, counter.now));
    const fields = pairs(await jane.call('document-preview', { document: 'receipt', id: payment.id }));
    expect(fields).toMatchObject({
      'Payment type': 'Service',
      Method: 'M-PESA',
      Reference: 'LHG31AA5TX',
      'Amount paid': 'KES 30.00',
      'Credit note': 'CN-T01-00001',
      '  Credit': 'KES 5.00',
      '  Valid until': '20 Apr 2026',
      Status: 'Posted',
      Verification: 'Pending verification',
    });
    expect(fields).not.toHaveProperty('Change');
    expect(fields).not.toHaveProperty('Amount received');
  });

  it('AC13: the receipt downloads as a PDF named after the receipt number', async () => {
    const jane = await counter.as('jane');
    const payment = await sampleCashPayment(jane);
    const pdf = await jane.call('document-pdf', { document: 'receipt', id: payment.id });
    expect(pdf.fileName).toBe('receipt-R-T01-5001');
    expect(pdf.pdfBase64.startsWith('JVBER')).toBe(true);
    const bytes = Buffer.from(pdf.pdfBase64, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.subarray(-8).toString('latin1')).toContain('%%EOF');
  });

  it('AC13: the receipt prints; the next print and the preview after it say COPY', async () => {
    await (await counter.as('mary')).call('printer-set', { address: 'tcp://127.0.0.1:9100', paperWidth: 80 });
    const jane = await counter.as('jane');
    const payment = await sampleCashPayment(jane);

    const original = await jane.call('document-print', { document: 'receipt', id: payment.id });
    expect({ status: original.status, copy: original.copy, error: original.error, attempts: original.attempts }).toEqual({ status: 'printed', copy: false, error: null, attempts: 1 });
    const preview = await jane.call('document-preview', { document: 'receipt', id: payment.id });
    expect([preview.copy, preview.title, preview.fileName]).toEqual([true, 'Receipt R-T01-5001 (COPY)', 'receipt-R-T01-5001-copy']);
    expect(texts(preview)).toContain('*** COPY ***');

    const copy = await jane.call('document-print', { document: 'receipt', id: payment.id });
    expect([copy.status, copy.copy, copy.id === original.id]).toEqual(['printed', true, false]);
    expect(texts(await jane.call('document-preview', { document: 'receipt', id: payment.id }))).toContain('*** COPY 2 ***');
    expect((await jane.call('payment-get', { paymentId: payment.id })).printCount).toBe(2);
  });

  it('AC13: every print, failed or not, is in the audit trail with who pressed Print and which copy it was', async () => {
    const jane = await counter.as('jane');
    const payment = await sampleCashPayment(jane);
    const failed = await jane.call('document-print', { document: 'receipt', id: payment.id });
    await (await counter.as('mary')).call('printer-set', { address: 'tcp://127.0.0.1:9100', paperWidth: 80 });
    await jane.call('print-job-retry', { jobId: failed.id });
    await jane.call('document-print', { document: 'receipt', id: payment.id });

    const trail = counter.backend.store.db.$client
      .prepare("select a.after, u.username from audit_entries a join users u on u.id = a.user_id where a.action = 'document.print' and a.entity_id = ? order by a.at, a.rowid")
      .all(payment.id) as Array<{ after: string; username: string }>;
    expect(trail.map((entry) => ({ by: entry.username, ...JSON.parse(entry.after) }))).toEqual([
      { by: 'jane', job: failed.id, copyNumber: 0, status: 'failed', error: 'No receipt printer is configured (Settings > Printer)' },
      { by: 'jane', job: failed.id, copyNumber: 0, status: 'printed', error: null },
      { by: 'jane', job: expect.any(String), copyNumber: 1, status: 'printed', error: null },
    ]);
  });

  it('AC13: with no printer configured the print fails with a reason, and the payment stays as recorded', async () => {
    const jane = await counter.as('jane');
    const payment = await sampleCashPayment(jane);
    const job = await jane.call('document-print', { document: 'receipt', id: payment.id });
    expect({ status: job.status, copy: job.copy, error: job.error }).toEqual({ status: 'failed', copy: false, error: 'No receipt printer is configured (Settings > Printer)' });
    const stored = await jane.call('payment-get', { paymentId: payment.id });
    expect([stored.status, stored.printCount, stored.receiptNumber]).toEqual(['posted', 0, 'R-T01-5001']);
    expect((await jane.call('document-preview', { document: 'receipt', id: payment.id })).copy).toBe(false);
  });
});

describe('Payments details view', () => {
  it('AC17: payments recorded at the counter are Posted, whatever the method', async () => {
    const jane = await counter.as('jane');
    const paid = await oneOfEachMethod(jane);
    expect(Object.values(paid).map((p) => [p.methodLabel, p.status])).toEqual([
      ['Cash', 'posted'],
      ['Card', 'posted'],
      ['M-PESA', 'posted'],
      ['Bank transfer', 'posted'],
    ]);
    const recent = (await jane.call('payment-list-recent', { limit: 100 })).filter((p) => p.receiptNumber.startsWith('R-T01-'));
    expect(recent.map((p) => [p.receiptNumber, p.status]).sort()).toEqual([
      ['R-T01-5001', 'posted'],
      ['R-T01-5002', 'posted'],
      ['R-T01-5003', 'posted'],
      ['R-T01-5004', 'posted'],
    ]);
  });

  it('AC18: online payments show the webhook and settlement statuses mapped from the gateway', async () => {
    const online = await onlinePayments(await counter.as('jane'));
    expect(Object.keys(online).sort()).toEqual(['R-ONL-000900', 'R-ONL-000901', 'R-ONL-000902', 'R-ONL-000903']);

    // The seed's cases: succeeded then paid; succeeded; pending; failed.
    const expected: Array<[keyof typeof online, OnlineStatus, [string, string]]> = [
      ['R-ONL-000900', onlineStatusAfterSettlement('paid', onlineStatusOfPayment('succeeded')), ['Settled', 'Success']],
      ['R-ONL-000901', onlineStatusOfPayment('succeeded'), ['In Settlement', 'In Progress']],
      ['R-ONL-000902', onlineStatusOfPayment('pending'), ['Not Confirmed', 'N/A']],
      ['R-ONL-000903', onlineStatusOfPayment('failed'), ['Failed', 'N/A']],
    ];
    for (const [receipt, status, [webhookLabel, settlementLabel]] of expected) {
      const payment = online[receipt];
      expect(payment.online, receipt).toMatchObject({ gateway: 'Stripe', webhookStatus: status.webhook, settlementStatus: status.settlement, ...onlineStatusLabels(status.webhook, status.settlement) });
      // The spec's tables, word for word.
      expect([payment.online!.webhookLabel, payment.online!.settlementLabel], receipt).toEqual([webhookLabel, settlementLabel]);
      expect(payment.status, receipt).toBe(paymentStatusOfOnline(status));
    }
    expect(WEBHOOK_STATUS_LABELS.in_settlement).toBe('In Settlement');
    expect(SETTLEMENT_STATUS_LABELS.success).toBe('Success');
    expect(['R-ONL-000900', 'R-ONL-000901', 'R-ONL-000902', 'R-ONL-000903'].map((r) => online[r as keyof typeof online].status)).toEqual(['posted', 'pending', 'pending', 'failed']);
  });

  it('AC18: a counter payment has no gateway statuses', async () => {
    const jane = await counter.as('jane');
    const payment = await sampleCashPayment(jane);
    expect(payment.online).toBeNull();
    expect((await jane.call('payment-get', { paymentId: payment.id })).online).toBeNull();
  });

  it('AC19: a bill payment shows the invoice, its period and the billed, paid and difference', async () => {
    const jane = await counter.as('jane');
    const payment = await sampleCashPayment(jane);
    const details = await jane.call('payment-get', { paymentId: payment.id });
    expect(details.allocations.map(({ kind, reference, detail, billed, applied }) => ({ kind, reference, detail, billed, applied }))).toEqual([
      { kind: 'bill', reference: 'INV-2025-001234', detail: 'Mar 2025', billed: 14550, applied: 14550 },
    ]);
    expect(details.analysis).toEqual({ billed: 14550, due: 14550, paid: 14550, difference: 0, outcome: 'exact' });
    // The details view shows exactly what the receipt was printed from.
    expect(details).toEqual(payment);
  });

  it('AC19: a service payment shows the service and its date; an underpayment shows what is short', async () => {
    const jane = await counter.as('jane');
    const account = await accountOf(jane, 'WU-10001');
    const payment = await jane.call('payment-record', paymentInput(account.consumer.id, [itemId(account, 'Reconnection Fee')], { type: 'service', amountPaid: '50.00', amountReceived: '50.00' }, counter.now));
    const details = await jane.call('payment-get', { paymentId: payment.id });
    expect(details.allocations.map((a) => [a.kind, a.reference, a.detail, a.billed, a.applied, a.openAfter])).toEqual([['service', 'Reconnection Fee', '2025-04-18', 7500, 5000, 2500]]);
    expect(details.analysis).toEqual({ billed: 7500, due: 7500, paid: 5000, difference: -2500, outcome: 'under' });
  });

  it('AC19: an installment payment shows the installment amount, and an overpayment what is over', async () => {
    const jane = await counter.as('jane');
    const account = await accountOf(jane, 'WU-10001');
    const payment = await jane.call('payment-record', paymentInput(account.consumer.id, [itemId(account, 'PP-2025-0034 #1')], { type: 'installment', amountPaid: '70.00', amountReceived: '70.00' }, counter.now));
    const details = await jane.call('payment-get', { paymentId: payment.id });
    expect(details.allocations.map((a) => [a.kind, a.reference, a.detail, a.billed, a.applied])).toEqual([['installment', 'PP-2025-0034 #1', 'Installment 1 of PP-2025-0034', 6750, 6750]]);
    expect(details.analysis).toEqual({ billed: 6750, due: 6750, paid: 7000, difference: 250, outcome: 'over' });
    expect(details.creditNotes.map((n) => [n.number, n.amount, n.reason])).toEqual([['CN-T01-00001', 250, 'overpayment']]);
  });

  it('AC19: the analysis stays as it was at payment time after later payments on the same bill', async () => {
    const jane = await counter.as('jane');
    const account = await accountOf(jane, 'WU-10001');
    const bill = itemId(account, 'INV-2025-001567');
    const first = await jane.call('payment-record', paymentInput(account.consumer.id, [bill], { amountPaid: '100.00', amountReceived: '100.00' }, counter.now));
    await jane.call('payment-record', paymentInput(account.consumer.id, [bill], { amountPaid: '52.25', amountReceived: '52.25' }, counter.now));
    const details = await jane.call('payment-get', { paymentId: first.id });
    expect(details.analysis).toEqual({ billed: 15225, due: 15225, paid: 10000, difference: -5225, outcome: 'under' });
    expect(details.allocations.map((a) => [a.openBefore, a.applied, a.openAfter])).toEqual([[15225, 10000, 5225]]);
  });

  it('AC20: a cash payment shows the amount received and the change given', async () => {
    const jane = await counter.as('jane');
    const payment = await sampleCashPayment(jane);
    expect([payment.method, payment.amount, payment.amountReceived, payment.change]).toEqual(['cash', 14550, 15000, 450]);
    const details = await jane.call('payment-get', { paymentId: payment.id });
    expect([details.amountReceived, details.change, details.notes]).toEqual([15000, 450, 'Customer paid in full']);
  });

  it('AC20: other methods show no cash received or change', async () => {
    const jane = await counter.as('jane');
    const { card, mpesa, bank } = await oneOfEachMethod(jane);
    for (const payment of [card, mpesa, bank]) {
      const details = await jane.call('payment-get', { paymentId: payment.id });
      expect([details.methodLabel, details.amountReceived, details.change]).toEqual([payment.methodLabel, null, null]);
    }
    const account = await accountOf(jane, 'WU-10001');
    const error = await refusal(jane, 'payment-record', paymentInput(account.consumer.id, [itemId(account, 'PP-2025-0034 #1')], { type: 'installment', method: 'mpesa', amountPaid: '67.50', amountReceived: '70.00', reference: 'QWE12RT45Y' }, counter.now));
    expect(error).toEqual({ code: 'VALIDATION', field: 'amountReceived', message: 'Amount received and change apply to cash only' });
  });

  it('AC22: a payment recorded at the counter was received by the user and processed Immediately', async () => {
    const jane = await counter.as('jane');
    const payment = await sampleCashPayment(jane);
    expect(payment.processing).toEqual({ receivedBy: 'Jane Smith', time: 'Immediate', verification: 'verified' });
    expect(payment.recordedBy.name).toBe('Jane Smith');

    const peter = await counter.as('peter');
    const account = await accountOf(peter, 'WU-10001');
    const byPeter = await peter.call('payment-record', paymentInput(account.consumer.id, [itemId(account, 'Late Fee')], { type: 'service', amountPaid: '25.00', amountReceived: '25.00' }, counter.now));
    expect(byPeter.processing).toEqual({ receivedBy: 'Peter Otieno', time: 'Immediate', verification: 'verified' });

    counter.advanceDays(3);
    expect((await jane.call('payment-get', { paymentId: payment.id })).processing.time).toBe('Immediate');
  });

  it('AC22: an online payment was received by System and shows its processing time in days', async () => {
    const jane = await counter.as('jane');
    const online = await onlinePayments(jane);
    const settled = online['R-ONL-000900'];
    expect(settled.processing).toEqual({ receivedBy: 'System', time: '2.3 days', verification: 'pending' });
    expect(settled.processing.time).toBe(processingTime(false, settled.online!.initiatedAt, settled.online!.settledAt, counter.now.toISOString()));
    expect(online['R-ONL-000901'].processing.time).toBe('1.0 days');
    expect(online['R-ONL-000902'].processing.time).toBe('0.5 days');

    // Still settling: the time runs on to now; a settled payment's does not.
    counter.advanceDays(2);
    const later = await onlinePayments(jane);
    expect([later['R-ONL-000900'].processing.time, later['R-ONL-000901'].processing.time]).toEqual(['2.3 days', '3.0 days']);
  });

  // The spec's "Online Payment Status Mapping Sample" (section 8) gives a Failed payment the processing time N/A.
  it('AC22: a failed online payment shows N/A as its processing time', async () => {
    const online = await onlinePayments(await counter.as('jane'));
    expect(online['R-ONL-000903'].processing.time).toBe('N/A');
  });

  it('AC19: an online attempt that moved no money is not weighed as an overpayment, and its channel reads Online', async () => {
    const online = await onlinePayments(await counter.as('jane'));
    for (const receipt of ['R-ONL-000902', 'R-ONL-000903'] as const) {
      expect(online[receipt].analysis).toEqual({ billed: 0, due: 0, paid: 0, difference: 0, outcome: 'not_applied' });
    }
    expect(online['R-ONL-000900'].analysis.outcome).toBe('exact');
    expect(online['R-ONL-000900'].channelLabel).toBe('Online');
  });

  it('AC23: cash and card recorded at the counter are Verified; M-PESA and bank transfers await verification', async () => {
    const jane = await counter.as('jane');
    const paid = await oneOfEachMethod(jane);
    expect(Object.values(paid).map((p) => [p.methodLabel, p.verification, p.processing.verification])).toEqual([
      ['Cash', 'verified', 'verified'],
      ['Card', 'verified', 'verified'],
      ['M-PESA', 'pending', 'pending'],
      ['Bank transfer', 'pending', 'pending'],
    ]);
  });

  it('AC23: a branch manager verifies a pending M-PESA payment; a cashier may not; it is verified once', async () => {
    const jane = await counter.as('jane');
    const { mpesa } = await oneOfEachMethod(jane);
    expect((await refusal(jane, 'payment-verify', { paymentId: mpesa.id })).code).toBe('FORBIDDEN');
    expect((await refusal(await counter.as('peter'), 'payment-verify', { paymentId: mpesa.id })).code).toBe('FORBIDDEN');
    expect((await jane.call('payment-get', { paymentId: mpesa.id })).verification).toBe('pending');

    const mary = await counter.as('mary');
    const verified = await mary.call('payment-verify', { paymentId: mpesa.id });
    expect([verified.verification, verified.processing.verification, verified.status, verified.processing.receivedBy]).toEqual(['verified', 'verified', 'posted', 'Jane Smith']);
    expect((await jane.call('payment-get', { paymentId: mpesa.id })).verification).toBe('verified');
    expect(await refusal(mary, 'payment-verify', { paymentId: mpesa.id })).toEqual({ code: 'CONFLICT', field: 'paymentId', message: 'Receipt R-T01-5003 is already verified' });
  });

  it('AC23: online payments are Pending until verified; a failed one cannot be verified', async () => {
    const mary = await counter.as('mary');
    const online = await onlinePayments(mary);
    expect(Object.values(online).map((p) => p.verification)).toEqual(['pending', 'pending', 'pending', 'pending']);

    const verified = await mary.call('payment-verify', { paymentId: online['R-ONL-000900'].id });
    expect([verified.verification, verified.processing.verification, verified.processing.receivedBy]).toEqual(['verified', 'verified', 'System']);
    expect(await refusal(mary, 'payment-verify', { paymentId: online['R-ONL-000903'].id })).toEqual({
      code: 'CONFLICT',
      field: 'paymentId',
      message: 'Receipt R-ONL-000903 is failed and cannot be verified',
    });
  });

  it('AC23: the receipt of a verified payment says Verified', async () => {
    const jane = await counter.as('jane');
    const { bank } = await oneOfEachMethod(jane);
    expect(pairs(await jane.call('document-preview', { document: 'receipt', id: bank.id }))).toMatchObject({ Bank: 'Equity Bank', Reference: 'FT25110ABC', Verification: 'Pending verification' });
    await (await counter.as('mary')).call('payment-verify', { paymentId: bank.id });
    expect(pairs(await jane.call('document-preview', { document: 'receipt', id: bank.id })).Verification).toBe('Verified');
  });
});
