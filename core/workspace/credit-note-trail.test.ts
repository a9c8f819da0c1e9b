import { describe, expect, it } from 'vitest';
import { cents } from '../money.js';
import { creditNoteTrail, type CreditNoteFacts } from './credit-note-trail.js';

const note: CreditNoteFacts = {
  amount: cents(450),
  reason: 'billing_error',
  remarks: 'Meter misread',
  createdAt: '2026-04-20T07:00:00.000Z',
  createdBy: 'Jane Smith',
  approvedBy: 'Mary Wanjiku',
  receiptNumber: 'R-T01-5001',
  expiresOn: '2027-04-20',
};

describe("a credit note's trail", () => {
  it('tells who created it, for what and why, then who approved it, at the same instant', () => {
    expect(creditNoteTrail(note, [], [], 'KES')).toEqual([
      { at: note.createdAt, by: 'Jane Smith', action: 'created', text: 'Created for KES 4.50 on receipt R-T01-5001, reason Billing Error, valid until 2027-04-20. Remarks: Meter misread' },
      { at: note.createdAt, by: 'Mary Wanjiku', action: 'approved', text: 'Approved by Mary Wanjiku.' },
    ]);
  });

  it("has no approval for an overpayment's note, which the payment made", () => {
    const trail = creditNoteTrail({ ...note, reason: 'overpayment', remarks: null, approvedBy: null }, [], [], 'KES');
    expect(trail.map((e) => [e.action, e.text])).toEqual([['created', 'Created for KES 4.50 on receipt R-T01-5001, reason Overpayment, valid until 2027-04-20.']]);
  });

  it('lists applications, their reversals, the expiry and prints oldest first, whatever order they come in', () => {
    const trail = creditNoteTrail(
      note,
      [
        { receiptNumber: 'R-T01-5002', amount: cents(150), at: '2026-05-01T08:00:00.000Z', by: 'Jane Smith', reversal: { number: 'RV-T01-00001', at: '2026-05-02T08:00:00.000Z', by: 'Jane Smith', approvedBy: 'Mary Wanjiku', reason: 'Wrong account' } },
        { receiptNumber: 'R-T01-5003', amount: cents(100), at: '2026-06-01T08:00:00.000Z', by: 'Jane Smith', reversal: null },
      ],
      [
        { kind: 'expired', at: '2027-04-21T00:00:05.000Z', by: 'System', forfeited: cents(350) },
        { kind: 'printed', at: '2026-04-20T07:01:00.000Z', by: 'Jane Smith', copyNumber: 0, error: 'No receipt printer is configured (Settings > Printer)' },
        { kind: 'printed', at: '2026-04-20T07:02:00.000Z', by: 'Jane Smith', copyNumber: 0, error: null },
        { kind: 'printed', at: '2026-04-20T07:03:00.000Z', by: 'Mary Wanjiku', copyNumber: 2, error: null },
      ],
      'KES',
    );
    expect(trail.map((e) => [e.at.slice(0, 16), e.by, e.action, e.text])).toEqual([
      ['2026-04-20T07:00', 'Jane Smith', 'created', 'Created for KES 4.50 on receipt R-T01-5001, reason Billing Error, valid until 2027-04-20. Remarks: Meter misread'],
      ['2026-04-20T07:00', 'Mary Wanjiku', 'approved', 'Approved by Mary Wanjiku.'],
      ['2026-04-20T07:01', 'Jane Smith', 'print_failed', 'Print (original) failed: No receipt printer is configured (Settings > Printer)'],
      ['2026-04-20T07:02', 'Jane Smith', 'printed', 'Printed (original).'],
      ['2026-04-20T07:03', 'Mary Wanjiku', 'printed', 'Printed (copy 2).'],
      ['2026-05-01T08:00', 'Jane Smith', 'applied', 'KES 1.50 applied on receipt R-T01-5002.'],
      ['2026-05-02T08:00', 'Jane Smith', 'application_reversed', 'Receipt R-T01-5002 reversed (RV-T01-00001), approved by Mary Wanjiku: KES 1.50 of credit given back. Reason: Wrong account'],
      ['2026-06-01T08:00', 'Jane Smith', 'applied', 'KES 1.00 applied on receipt R-T01-5003.'],
      ['2027-04-21T00:00', 'System', 'expired', 'Expired after 2027-04-20: KES 3.50 unused credit forfeited.'],
    ]);
  });

  it('says a note was cancelled by the reversal of the payment it came from, with what was withdrawn', () => {
    const trail = creditNoteTrail(note, [], [{ kind: 'cancelled', at: '2026-04-21T09:00:00.000Z', by: 'Jane Smith', withdrawn: cents(450), reversal: 'RV-T01-00002' }], 'KES');
    expect(trail.at(-1)).toEqual({ at: '2026-04-21T09:00:00.000Z', by: 'Jane Smith', action: 'cancelled', text: 'Cancelled by reversal RV-T01-00002 of receipt R-T01-5001: KES 4.50 of credit withdrawn.' });
  });
});
