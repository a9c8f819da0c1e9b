import { describe, expect, it } from 'vitest';
import { sampleCreditNote } from '../../tests/support/sample-credit-note.js';
import { samplePayment, SAMPLE_RECORDED_AT } from '../../tests/support/sample-payment.js';
import { DEFAULT_SETTINGS } from '../settings/settings.js';
import { buildCreditNoteDocument } from './credit-note-document.js';
import type { DocumentLine, PrintDocument } from './print-document.js';
import { buildReversalSlip } from './reversal-slip.js';

const pairValue = (document: PrintDocument, label: string) =>
  document.lines.find((line): line is Extract<DocumentLine, { kind: 'pair' }> => line.kind === 'pair' && line.left === label)?.right;

describe('the printed credit note', () => {
  const note = buildCreditNoteDocument(sampleCreditNote(), DEFAULT_SETTINGS, { copyNumber: 0 });

  it('carries the spec sample: CN-46129 for John Doe on R-5001, KES 4.50 for overpayment', () => {
    expect(pairValue(note, 'Credit note no.')).toBe('CN-46129');
    expect(pairValue(note, 'Account no.')).toBe('WU-10001');
    expect(pairValue(note, 'Linked receipt')).toBe('R-5001');
    expect(pairValue(note, 'Credit amount')).toBe('KES 4.50');
    expect(pairValue(note, 'Reason')).toBe('Overpayment');
    expect(pairValue(note, 'Created by')).toBe('Jane Smith');
  });

  it('states what is applied, what remains, the usage to one decimal and the expiry', () => {
    expect(pairValue(note, 'Applied')).toBe('KES 1.50');
    expect(pairValue(note, 'Remaining')).toBe('KES 3.00');
    expect(pairValue(note, 'Usage')).toBe('33.3%');
    expect(pairValue(note, 'Expires')).toBe('20 Apr 2027');
  });

  it('is named for the PDF by its number, and a reprint says COPY', () => {
    expect([note.title, note.fileName]).toEqual(['Credit note CN-46129', 'credit-note-CN-46129']);
    const copy = buildCreditNoteDocument(sampleCreditNote(), DEFAULT_SETTINGS, { copyNumber: 1 });
    expect([copy.title, copy.fileName, copy.copy]).toEqual(['Credit note CN-46129 (COPY)', 'credit-note-CN-46129-copy', true]);
  });
});

describe('the reversal slip', () => {
  const reversal = { number: 'RV-T01-00001', reason: 'Paid on the wrong account', reversedBy: 'Jane Smith', approvedBy: 'Mary Wanjiku', at: SAMPLE_RECORDED_AT };

  it('names the receipt it cancels, the amount, the reason and who approved it', () => {
    const slip = buildReversalSlip(samplePayment({ status: 'reversed', reversal }), DEFAULT_SETTINGS, { copyNumber: 0 });
    expect(pairValue(slip, 'Reversal no.')).toBe('RV-T01-00001');
    expect(pairValue(slip, 'Receipt reversed')).toBe('R-T01-5001');
    expect(pairValue(slip, 'Amount reversed')).toBe('KES 145.50');
    expect(pairValue(slip, 'Approved by')).toBe('Mary Wanjiku');
    expect(slip.lines).toContainEqual({ kind: 'text', text: 'Reason: Paid on the wrong account' });
  });

  it('cannot be made for a payment that was not reversed', () => {
    expect(() => buildReversalSlip(samplePayment(), DEFAULT_SETTINGS, { copyNumber: 0 })).toThrow('Receipt R-T01-5001 has not been reversed');
  });
});
