import { describe, expect, it } from 'vitest';
import { SAMPLE_RECORDED_AT, samplePayment } from '../../tests/support/sample-payment.js';
import { DEFAULT_SETTINGS } from '../settings/settings.js';
import type { DocumentLine, PrintDocument } from './print-document.js';
import { plainAscii } from './document-parts.js';
import { buildReceipt } from './receipt.js';

const texts = (document: PrintDocument) =>
  document.lines.flatMap((line) => (line.kind === 'text' ? [line.text] : line.kind === 'pair' ? [line.left, line.right] : line.kind === 'qr' ? [line.data] : []));
const pairValue = (document: PrintDocument, label: string) =>
  document.lines.find((line): line is Extract<DocumentLine, { kind: 'pair' }> => line.kind === 'pair' && line.left === label)?.right;

describe('buildReceipt', () => {
  const original = buildReceipt(samplePayment(), DEFAULT_SETTINGS, { copyNumber: 0 });

  it('names the receipt, payment and transaction numbers, the consumer and the bill paid', () => {
    expect(pairValue(original, 'Receipt no.')).toBe('R-T01-5001');
    expect(pairValue(original, 'Payment no.')).toBe('PAY-2026-T01-000001');
    expect(pairValue(original, 'Transaction')).toBe('TXN-2026-T01-000001');
    expect(pairValue(original, 'Account no.')).toBe('WU-10001');
    expect(texts(original)).toContain('John Doe');
    expect(texts(original)).toContain('INV-2025-001234  Mar 2025');
    expect(pairValue(original, 'Cashier')).toBe('Mary Wanjiku');
  });

  it('states the amount paid, the cash received and the change in plain currency text', () => {
    expect(pairValue(original, 'Amount paid')).toBe('KES 145.50');
    expect(pairValue(original, 'Amount received')).toBe('KES 150.00');
    expect(pairValue(original, 'Change')).toBe('KES 4.50');
    expect(original.lines).toContainEqual({ kind: 'pair', left: 'Amount paid', right: 'KES 145.50', bold: true });
  });

  it('prints the recorded time in local time with the configured date format', () => {
    expect(pairValue(original, 'Date')).toBe('20 Apr 2026 14:05');
  });

  it('heads the receipt with the utility in large bold type, then the branch', () => {
    expect(original.lines[0]).toEqual({ kind: 'text', text: 'Cityville Water & Power', align: 'center', bold: true, size: 'large' });
    expect(original.lines[1]).toMatchObject({ text: 'Cityville Service Centre' });
    expect(texts(original)).toContain('OFFICIAL RECEIPT');
  });

  it('carries a QR code naming the receipt, the payment id and the amount in cents', () => {
    expect(original.lines).toContainEqual({ kind: 'qr', data: 'COUNTER|R-T01-5001|01962f4e-8a00-7000-8000-000000005001|14550' });
  });

  it('is an original with a safe file name unless asked for a copy', () => {
    expect(original.copy).toBe(false);
    expect(original.title).toBe('Receipt R-T01-5001');
    expect(original.fileName).toBe('receipt-R-T01-5001');
    expect(texts(original)).not.toContain('*** COPY ***');
  });

  it('says COPY on a reprint, in the title, the file name and the paper', () => {
    const copy = buildReceipt(samplePayment(), DEFAULT_SETTINGS, { copyNumber: 1 });
    expect(copy.copy).toBe(true);
    expect(copy.title).toBe('Receipt R-T01-5001 (COPY)');
    expect(copy.fileName).toBe('receipt-R-T01-5001-copy');
    expect(texts(copy)).toContain('*** COPY ***');
  });

  it('shows no cash received or change for an M-PESA payment, but its reference and pending verification', () => {
    const mpesa = buildReceipt(
      samplePayment({ method: 'mpesa', methodLabel: 'M-PESA', amountReceived: null, change: null, reference: 'QFG7H8J9K0', verification: 'pending', status: 'pending' }),
      DEFAULT_SETTINGS,
      { copyNumber: 0 },
    );
    expect(pairValue(mpesa, 'Amount received')).toBeUndefined();
    expect(pairValue(mpesa, 'Change')).toBeUndefined();
    expect(pairValue(mpesa, 'Reference')).toBe('QFG7H8J9K0');
    expect(pairValue(mpesa, 'Status')).toBe('Pending');
    expect(pairValue(mpesa, 'Verification')).toBe('Pending verification');
  });

  it('prints the notes when there are some', () => {
    const withNotes = buildReceipt(samplePayment({ notes: 'Paid by his daughter' }), DEFAULT_SETTINGS, { copyNumber: 0 });
    expect(texts(withNotes)).toContain('Notes: Paid by his daughter');
    expect(texts(original).some((line) => line.startsWith('Notes:'))).toBe(false);
  });

  it('keeps every line plain printable ASCII, whatever the names and notes hold', () => {
    const receipt = buildReceipt(
      samplePayment({
        consumer: { ...samplePayment().consumer, name: 'Zoë Nyambura', serviceAddress: 'Plot 7 – Ngong Road' },
        notes: 'Customer said “thanks”\n\x1b@ and left',
        recordedBy: { id: 'u1', name: 'José' },
      }),
      { ...DEFAULT_SETTINGS, utilityName: 'Cityville Water & Power\u00a0Ltd', currency: 'KES' },
      { copyNumber: 1 },
    );
    for (const line of [receipt.title, ...texts(receipt)]) expect(line).toMatch(/^[\x20-\x7e]*$/);
    expect(texts(receipt)).toContain('Zoe Nyambura');
    expect(texts(receipt)).toContain('Plot 7 - Ngong Road');
    expect(texts(receipt)).toContain('Notes: Customer said "thanks" @ and left');
  });
});

describe('what issue 3 adds to the paper', () => {
  it('names the payment date, who received it and how long it took', () => {
    const backdated = buildReceipt(samplePayment({ paymentDate: '2026-04-18' }), DEFAULT_SETTINGS, { copyNumber: 0 });
    expect(pairValue(backdated, 'Payment date')).toBe('18 Apr 2026');
    expect(pairValue(backdated, 'Received by')).toBe('Mary Wanjiku');
    expect(pairValue(backdated, 'Processing')).toBe('Immediate');
  });

  it('counts reprints: the first says COPY, the next COPY 2', () => {
    expect(texts(buildReceipt(samplePayment(), DEFAULT_SETTINGS, { copyNumber: 1 }))).toContain('*** COPY ***');
    expect(texts(buildReceipt(samplePayment(), DEFAULT_SETTINGS, { copyNumber: 2 }))).toContain('*** COPY 2 ***');
  });

  it('states the credit note an overpayment issued, with its credit and expiry', () => {
    const over = buildReceipt(
      samplePayment({ amount: 15000, creditNotes: [{ id: 'n1', number: 'CN-T01-00001', amount: 450, remaining: 450, reason: 'overpayment', status: 'active', expiresOn: '2027-04-20' }] }),
      DEFAULT_SETTINGS,
      { copyNumber: 0 },
    );
    expect(pairValue(over, 'Credit note')).toBe('CN-T01-00001');
    expect(pairValue(over, '  Credit')).toBe('KES 4.50');
    expect(pairValue(over, '  Valid until')).toBe('20 Apr 2027');
  });

  it('shows a card by its last four digits and approval code only', () => {
    const card = buildReceipt(samplePayment({ method: 'card', methodLabel: 'Card', amountReceived: null, change: null, reference: 'A1B2C3', cardLast4: '4242' }), DEFAULT_SETTINGS, { copyNumber: 0 });
    expect(pairValue(card, 'Card')).toBe('**** 4242');
    expect(pairValue(card, 'Approval code')).toBe('A1B2C3');
  });

  it('marks a reversed payment REVERSED with its reversal number at the top', () => {
    const reversed = buildReceipt(
      samplePayment({ status: 'reversed', reversal: { number: 'RV-T01-00001', reason: 'Wrong account', reversedBy: 'Jane Smith', approvedBy: 'Mary Wanjiku', at: SAMPLE_RECORDED_AT } }),
      DEFAULT_SETTINGS,
      { copyNumber: 0 },
    );
    expect(texts(reversed)).toContain('*** REVERSED RV-T01-00001 ***');
    expect(pairValue(reversed, 'Status')).toBe('Reversed');
  });
});

describe('plainAscii', () => {
  it('replaces what it cannot spell in ASCII with a question mark rather than dropping it', () => {
    expect(plainAscii('王')).toBe('?');
  });
});
