import { describe, expect, it } from 'vitest';
import { toCsv } from '../../core/export/csv.js';
import { CREDIT_NOTE_COLUMNS, exportFileName, paymentColumns, toSheet, type CreditNoteRow, type PaymentRow } from './export-rows.js';

const payment: PaymentRow = {
  id: 'p1',
  receiptNumber: 'R-T01-000123',
  consumerId: '019a0000-0000-7000-8000-000000000001',
  consumerName: '=Wanjiru, "Mama" Otieno',
  accountNumber: 'WU-10030',
  amount: 123450,
  method: 'mpesa',
  methodLabel: 'M-PESA',
  channel: 'walk_in',
  paymentDate: '2026-04-16',
  recordedAt: '2026-04-16T09:30:00.000Z',
  type: 'bill',
  status: 'posted',
};

const note: CreditNoteRow = {
  id: 'n1',
  number: 'CN-T01-000007',
  consumerId: 'c1',
  consumerName: 'Grace Otieno',
  accountNumber: 'WU-10031',
  amount: 5000,
  remaining: 1250,
  reason: 'billing_error',
  reasonLabel: 'Billing Error',
  status: 'active',
  createdAt: '2026-04-16T10:00:00.000Z',
  linkedPayment: { id: 'p1', receiptNumber: 'R-T01-000123' },
};

const channels = (code: string) => ({ walk_in: 'Walk-in' })[code] ?? code;

describe('exporting the All Payments tab', () => {
  it('writes each payment as the table shows it, amounts as plain numbers and names safe from formulas', () => {
    const csv = toCsv(paymentColumns(channels), [payment]);
    expect(csv.split('\r\n')[0]).toBe('Receipt #,Consumer,Account,Consumer ID,Amount,Method,Channel,Date,Recorded at,Type,Status');
    expect(csv.split('\r\n')[1]).toBe(`R-T01-000123,"'=Wanjiru, ""Mama"" Otieno",WU-10030,${payment.consumerId},1234.50,M-PESA,Walk-in,2026-04-16,2026-04-16T09:30:00.000Z,Bill,Posted`);
  });

  it('gives Excel a bold header, money as numbers shown with two decimals, and words as text', () => {
    const [header, row] = toSheet(paymentColumns(channels), [payment]);
    expect(header![0]).toEqual({ value: 'Receipt #', type: String, fontWeight: 'bold' });
    expect(row![1]).toEqual({ value: '=Wanjiru, "Mama" Otieno', type: String });
    expect(row![4]).toEqual({ value: 1234.5, type: Number, format: '#,##0.00' });
    expect(row![10]).toEqual({ value: 'Posted', type: String });
  });
});

describe('exporting the Credit Notes tab', () => {
  it('writes amount and remaining, the reason and status in words, the day created and the linked receipt', () => {
    expect(toCsv(CREDIT_NOTE_COLUMNS, [note]).split('\r\n')[1]).toBe('CN-T01-000007,Grace Otieno,WU-10031,50.00,12.50,Billing Error,Active,2026-04-16,R-T01-000123');
  });

  it('names the file for what it holds and the day', () => {
    expect(exportFileName('credit-notes', '2026-04-16', 'xlsx')).toBe('credit-notes-2026-04-16.xlsx');
  });
});
