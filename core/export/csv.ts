import { cents, toDecimalText } from '../money.js';

/**
 * One column of an export: its header and how a row fills it. Money is cents
 * and comes out as a plain number with two decimals ("1234.50"), so a
 * spreadsheet sums it; text is whatever a person typed or a record holds.
 */
export type CsvColumn<Row> =
  | { header: string; kind: 'text'; value: (row: Row) => string | null }
  | { header: string; kind: 'money'; value: (row: Row) => number }
  | { header: string; kind: 'number'; value: (row: Row) => number | null };

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @; tab and carriage
 * return too, as OWASP lists them) gets a leading apostrophe, so a consumer
 * named "=HYPERLINK(...)" stays text when the export is opened. Only text
 * cells are guarded: numbers and money are ours, and a negative amount must
 * stay a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** RFC 4180: a field holding a comma, a double quote or a line break is quoted, its quotes doubled. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function cell<Row>(column: CsvColumn<Row>, row: Row): string {
  switch (column.kind) {
    case 'money':
      return toDecimalText(cents(column.value(row)));
    case 'number': {
      const value = column.value(row);
      return value === null ? '' : String(value);
    }
    case 'text': {
      const value = column.value(row) ?? '';
      return FORMULA_START.test(value) ? `'${value}` : value;
    }
  }
}

/** A header row, then one record per row, lines ended with CRLF as RFC 4180 has it. */
export function toCsv<Row>(columns: ReadonlyArray<CsvColumn<Row>>, rows: readonly Row[]): string {
  const record = (cells: string[]) => `${cells.map(field).join(',')}\r\n`;
  return record(columns.map((c) => c.header)) + rows.map((row) => record(columns.map((c) => cell(c, row)))).join('');
}
