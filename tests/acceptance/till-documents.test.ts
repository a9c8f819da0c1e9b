/**
 * Acceptance tests of a till's printed X and Z reports (issue 5), through the
 * services exactly as the renderer calls them: the figures of a day at the
 * counter on the preview, the paper and the PDF; a Z report reprinted says
 * COPY; an X report is a fresh reading each time; a Z report waits for the close.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallOutput } from '../../core/api/contract.js';
import { openBackend } from '../../electron/backend.js';
import { decodeEscPos } from '../support/escpos-decoder.js';
import { startFakePrinter, type FakePrinter } from '../support/fake-printer.js';
import { type Caller, type CounterBackend, expectRefused, johnDoe, openCounter, paymentInput } from './counter-backend.js';

const MORNING = new Date(2026, 10, 23, 8, 0, 0);
const note = (shillings: number) => String(shillings * 100);
/** Shillings of a drawer's notes and coins, largest first, as a cashier counts a whole-shilling amount. */
const FACES = [1000, 500, 200, 100, 50, 20, 10, 5, 1];

let counter: CounterBackend;
let printer: FakePrinter;
beforeEach(async () => {
  counter = await openCounter(MORNING);
  // The same backend on the same database, but sending to a printer for real: the fake one on loopback.
  counter.backend.close();
  counter.backend = openBackend({ dataDir: counter.backend.dataDir, demo: true, clock: () => counter.now });
  printer = await startFakePrinter();
});
afterEach(async () => {
  await printer.close();
  counter.close();
});

type Document = CallOutput<'document-preview'>;
const texts = (document: Document) => document.lines.flatMap((line) => (line.kind === 'text' ? [line.text.trim()] : []));
const pairs = (document: Document) => document.lines.flatMap((line) => (line.kind === 'pair' ? [[line.left.trim(), line.right]] : []));

/** Jane's own till: the one already open for her, else one opened with five 1000 notes. */
async function janesTill(jane: Caller) {
  const current = (await jane.call('till-current', {})).till;
  return current ?? jane.call('till-open', { id: uuidv7(), counts: { [note(1000)]: 5 } });
}

/**
 * A day at Jane's counter: John Doe pays 145.50 in cash handed 150.00, 25.00
 * by card and 75.00 by M-PESA, which Mary then reverses; a 6,000.00 float
 * top-up needs Mary's PIN. Expected cash is the float plus 6,145.50.
 */
async function aDay() {
  const jane = await counter.as('jane');
  const till = await janesTill(jane);
  const john = await johnDoe(jane);
  const cash = await jane.call('payment-record', paymentInput(john.id, [john.item('INV-2025-001234').id], { amountPaid: '145.50', amountReceived: '150.00' }, counter.now));
  const card = await jane.call('payment-record', paymentInput(john.id, [john.item('Late Fee').id], { type: 'service', method: 'card', amountPaid: '25.00', reference: 'A1B2C3', cardLast4: '4242' }, counter.now));
  const mpesa = await jane.call('payment-record', paymentInput(john.id, [john.item('Reconnection Fee').id], { type: 'service', method: 'mpesa', amountPaid: '75.00', reference: 'LHG31AA5TX' }, counter.now));
  const reversed = await jane.call('payment-reverse', { paymentId: mpesa.id, reason: 'Paid on the wrong account', approval: { username: 'mary', pin: '3456' } });
  await jane.call('till-cash-move', { id: uuidv7(), tillSessionId: till.id, direction: 'in', amount: '6000.00', reason: 'Float top-up', approval: { username: 'mary', pin: '3456' } });
  return { jane, till, receipts: [cash.receiptNumber, card.receiptNumber, mpesa.receiptNumber], reversal: reversed.reversal!.number, expectedCash: till.openingFloat + 614_550 };
}

/** The notes and coins of a whole-shilling amount, largest first. */
function drawerOf(amount: number): Record<string, number> {
  let shillings = amount / 100;
  if (!Number.isInteger(shillings)) throw new Error(`${amount} is not whole shillings`);
  const counts: Record<string, number> = {};
  for (const face of FACES) {
    const pieces = Math.floor(shillings / face);
    if (pieces > 0) counts[note(face)] = pieces;
    shillings -= pieces * face;
  }
  return counts;
}

/** Counted 50.50 short in cash, card and M-PESA as taken; Mary approves the shortage and the till closes. */
async function closeShort(jane: Caller, tillSessionId: string, expectedCash: number) {
  const counted = await jane.call('till-count', { tillSessionId, counts: drawerOf(expectedCash - 5_050), cardTotal: '25.00', mpesaTotal: '0' });
  expect(counted.session.status).toBe('awaiting_approval');
  return jane.call('till-approve-close', { tillSessionId, reason: 'Change given twice to one customer', approval: { username: 'mary', pin: '3456' } });
}

const money = (amount: number) => `KES ${(amount / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

describe('the Z report', () => {
  it('shows on the preview the day of the till: float, methods, cash, count, variance, approvals, receipts, reversal, who closed', async () => {
    const day = await aDay();
    await closeShort(day.jane, day.till.id, day.expectedCash);
    const z = await day.jane.call('document-preview', { document: 'z_report', id: day.till.id });

    expect([z.title, z.copy]).toEqual([`Z report ${day.till.number}`, false]);
    expect(texts(z)).toEqual(expect.arrayContaining(['Z REPORT', 'Cash', 'Card', 'M-PESA', 'Reason: Change given twice to one customer', `Receipt ${day.receipts[2]}, M-PESA`]));
    expect(pairs(z)).toEqual(
      expect.arrayContaining([
        ['Till', day.till.number],
        ['Terminal', 'T01'],
        ['Cashier', 'Jane Smith'],
        ['Business day', '23 Nov 2026'],
        ['Opening float', money(day.till.openingFloat)],
        ['Payments (1)', 'KES 145.50'],
        ['Payments (1)', 'KES 25.00'],
        ['Reversals (1)', 'KES 75.00'],
        ['Cash received', 'KES 150.00'],
        ['Change given', 'KES 4.50'],
        ['Cash in', 'KES 6,000.00'],
        ['Expected cash', money(day.expectedCash)],
        ['Cash counted', money(day.expectedCash - 5_050)],
        ['Card settlement total', 'KES 25.00'],
        ['Variance', 'SHORT KES 50.50'],
        ['Variance approved by', 'Mary Wanjiku'],
        ['Approved by', 'Mary Wanjiku'],
        ['Receipts', '3'],
        ['First receipt', day.receipts[0]!],
        ['Last receipt', day.receipts[2]!],
        [day.reversal, 'KES 75.00'],
        ['Closed by', 'Jane Smith'],
      ]),
    );
  });

  it('prints; a second print says COPY on the paper, and the preview after it COPY 2; each attempt is audited', async () => {
    const day = await aDay();
    await closeShort(day.jane, day.till.id, day.expectedCash);
    await (await counter.as('mary')).call('printer-set', { address: printer.address, paperWidth: 80 });

    const original = await day.jane.call('document-print', { document: 'z_report', id: day.till.id });
    expect([original.status, original.copy, original.error]).toEqual(['printed', false, null]);
    const copy = await day.jane.call('document-print', { document: 'z_report', id: day.till.id });
    expect([copy.status, copy.copy]).toEqual(['printed', true]);

    const [first, second] = (await printer.waitForJobs(2)).map(decodeEscPos);
    expect(first!.lines).toEqual(expect.arrayContaining(['Z REPORT', `Till${' '.repeat(48 - 4 - day.till.number.length)}${day.till.number}`]));
    expect(first!.text).toContain('SHORT KES 50.50');
    expect(first!.text).not.toContain('COPY');
    expect(second!.lines).toContain('*** COPY ***');
    expect(second!.text).toContain('SHORT KES 50.50');
    for (const width of [...first!.widths, ...second!.widths]) expect(width).toBeLessThanOrEqual(48);
    expect(texts(await day.jane.call('document-preview', { document: 'z_report', id: day.till.id }))).toContain('*** COPY 2 ***');

    const trail = counter.backend.store.db.$client.prepare("select after from audit_entries where action = 'document.print' and entity = 'z_report' and entity_id = ? order by at, rowid").all(day.till.id) as Array<{ after: string }>;
    expect(trail.map((entry) => JSON.parse(entry.after))).toMatchObject([
      { job: original.id, copyNumber: 0, status: 'printed' },
      { job: copy.id, copyNumber: 1, status: 'printed' },
    ]);
  });

  it('downloads as a PDF named after the till', async () => {
    const day = await aDay();
    await closeShort(day.jane, day.till.id, day.expectedCash);
    const pdf = await day.jane.call('document-pdf', { document: 'z_report', id: day.till.id });
    expect(pdf.fileName).toBe(`z-report-${day.till.number}`);
    expect(Buffer.from(pdf.pdfBase64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('is refused for a till not yet closed, even awaiting approval, and for an unknown till, storing no print job', async () => {
    const day = await aDay();
    const jobs = counter.count('print_jobs');
    const refused = (document: 'z_report' | 'x_report', id: string) => day.jane.send('document-print', { document, id });
    expect(expectRefused(await day.jane.send('document-preview', { document: 'z_report', id: day.till.id }), 'CONFLICT', 'id')).toBe(`Till ${day.till.number} is not closed yet; print an X report`);
    expectRefused(await refused('z_report', day.till.id), 'CONFLICT', 'id');

    await day.jane.call('till-count', { tillSessionId: day.till.id, counts: drawerOf(day.expectedCash - 5_050), cardTotal: '25.00', mpesaTotal: '0' });
    expectRefused(await day.jane.send('document-pdf', { document: 'z_report', id: day.till.id }), 'CONFLICT', 'id');

    const unknown = uuidv7();
    expect(expectRefused(await day.jane.send('document-preview', { document: 'z_report', id: unknown }), 'NOT_FOUND', 'id')).toBe('No till session with this id');
    expectRefused(await refused('x_report', unknown), 'NOT_FOUND', 'id');
    expect(counter.count('print_jobs')).toBe(jobs);
  });
});

describe('the X report', () => {
  it('is a fresh reading each time: printed twice, neither says COPY; it says it closes nothing and when it was read', async () => {
    const day = await aDay();
    await (await counter.as('mary')).call('printer-set', { address: printer.address, paperWidth: 58 });
    const first = await day.jane.call('document-print', { document: 'x_report', id: day.till.id });
    const second = await day.jane.call('document-print', { document: 'x_report', id: day.till.id });
    expect([first.status, first.copy, second.status, second.copy]).toEqual(['printed', false, 'printed', false]);

    for (const paper of (await printer.waitForJobs(2)).map(decodeEscPos)) {
      expect(paper.lines).toContain('X REPORT');
      expect(paper.text).toContain('this closes nothing');
      expect(paper.text).not.toContain('COPY');
      expect(paper.lines).toContain(`Read at${' '.repeat(32 - 7 - 17)}23 Nov 2026 08:00`);
      for (const width of paper.widths) expect(width).toBeLessThanOrEqual(32);
    }
    const preview = await day.jane.call('document-preview', { document: 'x_report', id: day.till.id });
    expect([preview.copy, texts(preview).includes('*** COPY ***')]).toEqual([false, false]);
  });

  it('hides from the cashier every amount a blind count withholds, and shows them to the branch manager', async () => {
    const day = await aDay();
    const janes = await day.jane.call('document-preview', { document: 'x_report', id: day.till.id });
    const expectedCash = (document: Document) => pairs(document).find(([left]) => left === 'Expected cash')?.[1];
    expect(expectedCash(janes)).toBe('hidden (blind count)');
    expect(pairs(janes)).toEqual(expect.arrayContaining([['Cash received', 'hidden (blind count)'], ['Payments (1)', 'hidden (blind count)'], ['Cash in', 'KES 6,000.00']]));
    expect(JSON.stringify(janes)).not.toContain(money(day.expectedCash));

    const marys = await (await counter.as('mary')).call('document-preview', { document: 'x_report', id: day.till.id });
    expect(expectedCash(marys)).toBe(money(day.expectedCash));
    expect(JSON.stringify(marys)).not.toContain('hidden');
  });

  it('is refused once the till is closed: its Z report is what prints then', async () => {
    const day = await aDay();
    await closeShort(day.jane, day.till.id, day.expectedCash);
    expect(expectRefused(await day.jane.send('document-preview', { document: 'x_report', id: day.till.id }), 'CONFLICT', 'id')).toBe(`Till ${day.till.number} is closed; print its Z report`);
  });
});
