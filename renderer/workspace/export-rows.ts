import dayjs from 'dayjs';
import type { CallOutput } from '../../core/api/contract.js';
import type { CsvColumn } from '../../core/export/csv.js';
import { cents, toDecimalText } from '../../core/money.js';
import { CREDIT_NOTE_STATUS_LABELS, PAYMENT_STATUS_LABELS, PAYMENT_TYPE_LABELS } from './words.js';

export type PaymentRow = CallOutput<'payments-search'>['rows'][number];
export type CreditNoteRow = CallOutput<'credit-notes-search'>['rows'][number];

/** The All Payments tab's columns, as an export writes them; `channelLabel` names a channel code as the settings do. */
export function paymentColumns(channelLabel: (code: string) => string): Array<CsvColumn<PaymentRow>> {
  return [
    { header: 'Receipt #', kind: 'text', value: (r) => r.receiptNumber },
    { header: 'Consumer', kind: 'text', value: (r) => r.consumerName },
    { header: 'Account', kind: 'text', value: (r) => r.accountNumber },
    { header: 'Consumer ID', kind: 'text', value: (r) => r.consumerId },
    { header: 'Amount', kind: 'money', value: (r) => r.amount },
    { header: 'Method', kind: 'text', value: (r) => r.methodLabel },
    { header: 'Channel', kind: 'text', value: (r) => channelLabel(r.channel) },
    { header: 'Date', kind: 'text', value: (r) => r.paymentDate },
    { header: 'Recorded at', kind: 'text', value: (r) => r.recordedAt },
    { header: 'Type', kind: 'text', value: (r) => PAYMENT_TYPE_LABELS[r.type] },
    { header: 'Status', kind: 'text', value: (r) => PAYMENT_STATUS_LABELS[r.status] },
  ];
}

export const CREDIT_NOTE_COLUMNS: Array<CsvColumn<CreditNoteRow>> = [
  { header: 'Credit Note #', kind: 'text', value: (r) => r.number },
  { header: 'Consumer', kind: 'text', value: (r) => r.consumerName },
  { header: 'Account', kind: 'text', value: (r) => r.accountNumber },
  { header: 'Amount', kind: 'money', value: (r) => r.amount },
  { header: 'Remaining', kind: 'money', value: (r) => r.remaining },
  { header: 'Reason', kind: 'text', value: (r) => r.reasonLabel },
  { header: 'Status', kind: 'text', value: (r) => CREDIT_NOTE_STATUS_LABELS[r.status] },
  // The terminal's calendar day, as the table shows it; the stored time is UTC.
  { header: 'Created', kind: 'text', value: (r) => dayjs(r.createdAt).format('YYYY-MM-DD') },
  { header: 'Linked payment', kind: 'text', value: (r) => r.linkedPayment.receiptNumber },
];

/** One cell of the Excel sheet, in write-excel-file's shape. */
export type SheetCell = { value: string; type: StringConstructor; fontWeight?: 'bold' } | { value: number; type: NumberConstructor; format?: string } | null;

/**
 * The same columns as a sheet: a bold header row, money as a number with two
 * decimals (so the spreadsheet sums it), text as text (never read as a formula
 * or a date, unlike a CSV's cells).
 */
export function toSheet<Row>(columns: ReadonlyArray<CsvColumn<Row>>, rows: readonly Row[]): SheetCell[][] {
  const header = columns.map((c): SheetCell => ({ value: c.header, type: String, fontWeight: 'bold' }));
  return [header, ...rows.map((row) => columns.map((c) => sheetCell(c, row)))];
}

function sheetCell<Row>(column: CsvColumn<Row>, row: Row): SheetCell {
  switch (column.kind) {
    case 'money':
      // The one place cents become a decimal number: a spreadsheet cell, shown with two decimals.
      return { value: Number(toDecimalText(cents(column.value(row)))), type: Number, format: '#,##0.00' };
    case 'number': {
      const value = column.value(row);
      return value === null ? null : { value, type: Number };
    }
    case 'text': {
      const value = column.value(row);
      return value === null || value === '' ? null : { value, type: String };
    }
  }
}

/** "payments-2026-04-20.csv", "credit-notes-2026-04-20.xlsx": what is exported, and when. */
export const exportFileName = (what: 'payments' | 'credit-notes', today: string, format: 'csv' | 'xlsx') => `${what}-${today}.${format}`;
