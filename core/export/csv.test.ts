import { describe, expect, it } from 'vitest';
import { toCsv, type CsvColumn } from './csv.js';

interface Row {
  account: string;
  name: string;
  arrears: number;
  days: number | null;
}

const columns: Array<CsvColumn<Row>> = [
  { header: 'Account', kind: 'text', value: (r) => r.account },
  { header: 'Name', kind: 'text', value: (r) => r.name },
  { header: 'Arrears', kind: 'money', value: (r) => r.arrears },
  { header: 'Days overdue', kind: 'number', value: (r) => r.days },
];

const row = (fields: Partial<Row>): Row => ({ account: 'WU-10001', name: 'John Doe', arrears: 39_775, days: 222, ...fields });

describe('CSV export', () => {
  it('starts with the header row and ends every record with CRLF', () => {
    expect(toCsv(columns, [row({}), row({ account: 'WU-10002', name: 'Faith Kamau', arrears: 500_000, days: 8 })])).toBe(
      'Account,Name,Arrears,Days overdue\r\nWU-10001,John Doe,397.75,222\r\nWU-10002,Faith Kamau,5000.00,8\r\n',
    );
  });

  it('is only the header row when nothing matched', () => {
    expect(toCsv(columns, [])).toBe('Account,Name,Arrears,Days overdue\r\n');
  });

  it('writes money as a plain number with two decimals: no currency, no grouping, cents kept, a minus kept', () => {
    const amounts = [0, 5, 1_234_567_89, -1_250].map((arrears) => toCsv(columns, [row({ arrears })]).split('\r\n')[1]!.split(',')[2]);
    expect(amounts).toEqual(['0.00', '0.05', '1234567.89', '-12.50']);
  });

  it('quotes a field holding a comma, a double quote or a line break, doubling its quotes', () => {
    const csv = toCsv(columns, [row({ name: 'Doe, John' }), row({ name: 'John "JD" Doe' }), row({ name: 'John\nDoe' })]);
    expect(csv.split('\r\n').slice(1, 4)).toEqual(['WU-10001,"Doe, John",397.75,222', 'WU-10001,"John ""JD"" Doe",397.75,222', 'WU-10001,"John\nDoe",397.75,222']);
  });

  it('leaves an empty cell for a missing value', () => {
    expect(toCsv(columns, [row({ days: null })]).split('\r\n')[1]).toBe('WU-10001,John Doe,397.75,');
  });

  it('turns text a spreadsheet would run as a formula into plain text with a leading apostrophe', () => {
    const names = ['=HYPERLINK("http://x","y")', '+254700', '-1+1', '@SUM(A1)', '\tcmd'];
    const cells = toCsv(columns, names.map((name) => row({ name }))).split('\r\n').slice(1, 6).map((line) => line.split(',').slice(1, -2).join(','));
    expect(cells).toEqual(['"\'=HYPERLINK(""http://x"",""y"")"', "'+254700", "'-1+1", "'@SUM(A1)", "'\tcmd"]);
  });

  it('leaves text that only contains those characters further in as it is', () => {
    expect(toCsv(columns, [row({ name: 'Mary-Jane O=K' })]).split('\r\n')[1]).toBe('WU-10001,Mary-Jane O=K,397.75,222');
  });
});
