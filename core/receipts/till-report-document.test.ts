import { describe, expect, it } from 'vitest';
import type { TillReport } from '../api/calls/tills.js';
import { DEFAULT_SETTINGS } from '../settings/settings.js';
import type { DocumentLine, PrintDocument } from './print-document.js';
import { buildXReport, buildZReport, HIDDEN_BLIND } from './till-report-document.js';

/** Local times, so the printed hours do not depend on the machine's time zone. */
const at = (hour: number, minute = 0) => new Date(2026, 10, 23, hour, minute).toISOString();

/**
 * Jane's till TS-T01-00001 on 23 Nov 2026: float 5,000.00 counted as five 1000
 * notes; cash 145.00 paid with 150.00 (change 5.00); card 300.00; M-PESA
 * 200.00, later reversed; a 1,000.00 safe drop Mary approved. Expected cash
 * 4,145.00; the recount found 4,095.00, 50.00 short, which Mary approved.
 */
function closedTill(): TillReport {
  return {
    session: {
      id: 't1',
      number: 'TS-T01-00001',
      terminalCode: 'T01',
      cashier: { id: 'u-jane', name: 'Jane Smith' },
      businessDate: '2026-11-23',
      status: 'closed',
      openedAt: at(8),
      closedAt: at(17, 30),
      openingFloat: 500_000,
    },
    blind: false,
    cash: { openingFloat: 500_000, received: 15_000, changeGiven: 500, cashIn: 0, cashOut: 100_000, refunds: 0, expected: 414_500 },
    methods: [
      { method: 'cash', label: 'Cash', payments: 1, taken: 14_500, reversals: 0, reversed: 0, net: 14_500 },
      { method: 'card', label: 'Card', payments: 1, taken: 30_000, reversals: 0, reversed: 0, net: 30_000 },
      { method: 'mpesa', label: 'M-PESA', payments: 1, taken: 20_000, reversals: 1, reversed: 20_000, net: 0 },
    ],
    movements: [{ id: 'm1', at: at(12), direction: 'out', amount: 100_000, reason: 'Safe drop', by: 'Jane Smith', approvedBy: 'Mary Wanjiku' }],
    receipts: { count: 3, first: 'R-T01-5001', last: 'R-T01-5003' },
    reversals: [{ number: 'RV-T01-00001', receiptNumber: 'R-T01-5003', methodLabel: 'M-PESA', amount: 20_000, at: at(11) }],
    creditNotes: [{ number: 'CN-T01-00001', receiptNumber: 'R-T01-5002', amount: 450, reason: 'overpayment' }],
    openingCounts: { '100000': 5 },
    counts: [
      { at: at(17, 10), by: 'Jane Smith', recount: false, denominations: { '100000': 4, '2000': 2, '500': 1 }, cash: 404_500, card: 30_000, mpesa: 0 },
      { at: at(17, 20), by: 'Jane Smith', recount: true, denominations: { '100000': 4, '5000': 1, '2000': 2, '500': 1, '100': 0 }, cash: 409_500, card: 30_000, mpesa: 0 },
    ],
    variances: [
      { method: 'cash', expected: 414_500, counted: 409_500, variance: -5_000 },
      { method: 'card', expected: 30_000, counted: 30_000, variance: 0 },
      { method: 'mpesa', expected: 0, counted: 0, variance: 0 },
    ],
    beyondTolerance: ['cash'],
    approval: { by: 'Mary Wanjiku', reason: 'Change given twice to one customer', at: at(17, 30) },
    closedBy: 'Jane Smith',
  };
}

/** The same till at noon, read by Jane before any count: blind. */
function openBlindTill(): TillReport {
  const report = closedTill();
  return {
    ...report,
    session: { ...report.session, status: 'open', closedAt: null },
    blind: true,
    cash: { ...report.cash, received: null, changeGiven: null, refunds: null, expected: null },
    methods: report.methods.map((m) => ({ ...m, taken: null, reversed: null, net: null })),
    counts: [],
    variances: [],
    beyondTolerance: [],
    approval: null,
    closedBy: null,
  };
}

type Pair = Extract<DocumentLine, { kind: 'pair' }>;
const pairs = (document: PrintDocument) => document.lines.filter((line): line is Pair => line.kind === 'pair').map((line) => [line.left, line.right]);
const texts = (document: PrintDocument) => document.lines.flatMap((line) => (line.kind === 'text' ? [line.text] : []));
/** The value printed after a label, from the section headed `section` on. */
function valueIn(document: PrintDocument, section: string, label: string): string | undefined {
  const start = document.lines.findIndex((line) => line.kind === 'text' && line.text === section);
  if (start < 0) throw new Error(`no section ${section}`);
  return document.lines.slice(start).find((line): line is Pair => line.kind === 'pair' && line.left === label)?.right;
}

describe('the Z report', () => {
  const z = buildZReport(closedTill(), DEFAULT_SETTINGS, { copyNumber: 0 });

  it('is headed Z REPORT and names the till, terminal, cashier, times and business day', () => {
    expect(texts(z).slice(0, 3)).toEqual(['Cityville Water & Power', expect.any(String), 'Z REPORT']);
    expect(pairs(z)).toEqual(
      expect.arrayContaining([
        ['Till', 'TS-T01-00001'],
        ['Terminal', 'T01'],
        ['Cashier', 'Jane Smith'],
        ['Business day', '23 Nov 2026'],
        ['Opened', '23 Nov 2026 08:00'],
        ['Closed', '23 Nov 2026 17:30'],
      ]),
    );
  });

  it('prints the opening float of 5,000.00 and what it was counted in', () => {
    expect(valueIn(z, 'OPENING FLOAT', 'Opening float')).toBe('KES 5,000.00');
    expect(valueIn(z, 'OPENING FLOAT', '  1000 x 5')).toBe('KES 5,000.00');
  });

  it('prints per method the payments and reversals with their counts, and the net', () => {
    const method = (label: string) => {
      const start = z.lines.findIndex((line) => line.kind === 'text' && line.text === label);
      return z.lines.slice(start + 1, start + 4).map((line) => (line.kind === 'pair' ? [line.left.trim(), line.right] : null));
    };
    expect(method('Cash')).toEqual([
      ['Payments (1)', 'KES 145.00'],
      ['Reversals (0)', 'KES 0.00'],
      ['Net', 'KES 145.00'],
    ]);
    expect(method('Card')).toEqual([
      ['Payments (1)', 'KES 300.00'],
      ['Reversals (0)', 'KES 0.00'],
      ['Net', 'KES 300.00'],
    ]);
    expect(method('M-PESA')).toEqual([
      ['Payments (1)', 'KES 200.00'],
      ['Reversals (1)', 'KES 200.00'],
      ['Net', 'KES 0.00'],
    ]);
  });

  it('prints the cash: received, change given, cash in and out, refunds and expected', () => {
    expect(['Cash received', 'Change given', 'Cash in', 'Cash out', 'Cash refunds', 'Expected cash'].map((label) => valueIn(z, 'CASH', label))).toEqual([
      'KES 150.00',
      'KES 5.00',
      'KES 0.00',
      'KES 1,000.00',
      'KES 0.00',
      'KES 4,145.00',
    ]);
  });

  it('prints the latest count by denomination, each count times its face value, and notes the count the recount replaced', () => {
    const section = (label: string) => valueIn(z, 'COUNT BY DENOMINATION', label);
    expect([section('  1000 x 4'), section('  50 x 1'), section('  20 x 2'), section('  5 x 1')]).toEqual(['KES 4,000.00', 'KES 50.00', 'KES 40.00', 'KES 5.00']);
    expect(pairs(z).some(([left]) => left === '  1 x 0')).toBe(false);
    expect(section('Cash counted')).toBe('KES 4,095.00');
    expect(section('Card settlement total')).toBe('KES 300.00');
    expect(section('M-PESA statement total')).toBe('KES 0.00');
    expect([section('Counted'), section('Counted by')]).toEqual(['23 Nov 2026 17:20', 'Jane Smith']);
    expect(texts(z)).toEqual(expect.arrayContaining(['Recount 1: it replaces the earlier count below', 'Earlier counts, replaced by the recount:']));
    expect(section('  Count 17:10')).toBe('KES 4,045.00');
  });

  it('marks the 50.00 cash shortage as SHORT, beyond the tolerance, and card and M-PESA as even', () => {
    const start = z.lines.findIndex((line) => line.kind === 'text' && line.text === 'VARIANCE');
    const variances = z.lines.slice(start).filter((line): line is Pair => line.kind === 'pair' && line.left === '  Variance');
    expect(variances.map((line) => [line.right, line.bold ?? false])).toEqual([
      ['SHORT KES 50.00', true],
      ['KES 0.00', false],
      ['KES 0.00', false],
    ]);
    expect(valueIn(z, 'VARIANCE', '  Expected')).toBe('KES 4,145.00');
    expect(valueIn(z, 'VARIANCE', '  Counted')).toBe('KES 4,095.00');
    expect(texts(z)).toContain('  Beyond the KES 10.00 tolerance');
  });

  it('says OVER for money found beyond what was expected', () => {
    const report = closedTill();
    report.variances = [{ method: 'cash', expected: 414_500, counted: 415_500, variance: 1_000 }];
    expect(valueIn(buildZReport(report, DEFAULT_SETTINGS, { copyNumber: 0 }), 'VARIANCE', '  Variance')).toBe('OVER KES 10.00');
  });

  it('names who approved the variance and why, and the cash out with its approver', () => {
    expect(valueIn(z, 'APPROVALS', 'Variance approved by')).toBe('Mary Wanjiku');
    expect(texts(z)).toContain('  Reason: Change given twice to one customer');
    expect(valueIn(z, 'APPROVALS', 'Cash out 12:00')).toBe('KES 1,000.00');
    expect(texts(z)).toContain('  Safe drop');
    expect(valueIn(z, 'APPROVALS', '  Approved by')).toBe('Mary Wanjiku');
  });

  it('prints the receipt range, the session reversals and credit notes, and who closed', () => {
    expect([valueIn(z, 'RECEIPTS', 'Receipts'), valueIn(z, 'RECEIPTS', 'First receipt'), valueIn(z, 'RECEIPTS', 'Last receipt')]).toEqual(['3', 'R-T01-5001', 'R-T01-5003']);
    expect(valueIn(z, 'REVERSALS (1)', 'RV-T01-00001')).toBe('KES 200.00');
    expect(texts(z)).toContain('  Receipt R-T01-5003, M-PESA');
    expect(valueIn(z, 'CREDIT NOTES (1)', 'CN-T01-00001')).toBe('KES 4.50');
    expect(texts(z)).toContain('  Receipt R-T01-5002, Overpayment');
    expect(z.lines.at(-1)).toEqual({ kind: 'pair', left: 'Closed by', right: 'Jane Smith', bold: true });
  });

  it('is named for the PDF by the till number, and a reprint says COPY', () => {
    expect([z.title, z.fileName, z.copy]).toEqual(['Z report TS-T01-00001', 'z-report-TS-T01-00001', false]);
    const copy = buildZReport(closedTill(), DEFAULT_SETTINGS, { copyNumber: 1 });
    expect([copy.title, copy.fileName, copy.copy]).toEqual(['Z report TS-T01-00001 (COPY)', 'z-report-TS-T01-00001-copy', true]);
    expect(texts(copy)).toContain('*** COPY ***');
  });

  it('is refused for a till not yet closed', () => {
    expect(() => buildZReport(openBlindTill(), DEFAULT_SETTINGS, { copyNumber: 0 })).toThrow('Till TS-T01-00001 is not closed yet');
  });

  it('prints only plain ASCII', () => {
    const report = closedTill();
    report.session.cashier.name = 'Zoë Wanjiru';
    const all = JSON.stringify(buildZReport(report, DEFAULT_SETTINGS, { copyNumber: 0 }).lines);
    expect(all).toContain('Zoe Wanjiru');
    expect(/[^\x20-\x7e]/.test(all)).toBe(false);
  });
});

describe('the X report', () => {
  it('is headed X REPORT, says it closes nothing, when it was read, and is never a copy', () => {
    const x = buildXReport(openBlindTill(), DEFAULT_SETTINGS, at(12, 5));
    expect(texts(x)).toEqual(expect.arrayContaining(['X REPORT', 'A reading: this closes nothing']));
    expect(texts(x)).not.toContain('Z REPORT');
    expect(pairs(x)).toEqual(expect.arrayContaining([['Read at', '23 Nov 2026 12:05'], ['Closed', 'not yet'], ['Status', 'Open']]));
    expect([x.title, x.fileName, x.copy]).toEqual(['X report TS-T01-00001', 'x-report-TS-T01-00001', false]);
    expect(pairs(x).some(([left]) => left === 'Closed by')).toBe(false);
  });

  it('hides every amount of a blind report, and still shows the float, the cash out and the counts of payments', () => {
    const x = buildXReport(openBlindTill(), DEFAULT_SETTINGS, at(12, 5));
    for (const label of ['Cash received', 'Change given', 'Cash refunds', 'Expected cash']) expect(valueIn(x, 'CASH', label)).toBe(HIDDEN_BLIND);
    for (const label of ['  Payments (1)', '  Net']) expect(valueIn(x, 'BY METHOD', label)).toBe(HIDDEN_BLIND);
    expect(pairs(x).filter(([, right]) => right === 'hidden (blind count)')).toHaveLength(4 + 3 * 3);
    expect(valueIn(x, 'CASH', 'Opening float')).toBe('KES 5,000.00');
    expect(valueIn(x, 'CASH', 'Cash out')).toBe('KES 1,000.00');
    expect(texts(x)).toEqual(expect.arrayContaining(['Blind count: amounts are hidden until the drawer is counted.', 'Not counted yet']));
    expect(pairs(x).some(([, right]) => right === 'KES 4,145.00' || right === 'KES 150.00')).toBe(false);
  });

  it('shows the same figures so far when not blind', () => {
    const report: TillReport = { ...closedTill(), session: { ...closedTill().session, status: 'awaiting_approval', closedAt: null }, approval: null, closedBy: null };
    const x = buildXReport(report, DEFAULT_SETTINGS, at(17, 25));
    expect(valueIn(x, 'CASH', 'Expected cash')).toBe('KES 4,145.00');
    expect(valueIn(x, 'VARIANCE', '  Variance')).toBe('SHORT KES 50.00');
    expect(pairs(x)).toContainEqual(['Status', 'Awaiting approval']);
    expect(texts(x)).toContain('Variance awaiting a branch manager');
  });
});
