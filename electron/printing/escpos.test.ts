import { describe, expect, it } from 'vitest';
import { buildReceipt } from '../../core/receipts/receipt.js';
import type { PrintDocument } from '../../core/receipts/print-document.js';
import { DEFAULT_SETTINGS } from '../../core/settings/settings.js';
import { decodeEscPos } from '../../tests/support/escpos-decoder.js';
import { samplePayment } from '../../tests/support/sample-payment.js';
import { encodeEscPos } from './escpos.js';

const receipt = (copy = false) => buildReceipt(samplePayment(), DEFAULT_SETTINGS, { copyNumber: copy ? 1 : 0 });
const documentOf = (lines: PrintDocument['lines']): PrintDocument => ({ title: 'Test', fileName: 'test', copy: false, lines });

describe('encodeEscPos', () => {
  it('prints the receipt number, the amount paid and the change, then cuts the paper once', () => {
    const paper = decodeEscPos(encodeEscPos(receipt(), 80));
    expect(paper.text).toContain('R-T01-5001');
    expect(paper.text).toContain('KES 145.50');
    expect(paper.text).toContain('KES 4.50');
    expect(paper.cuts).toBe(1);
  });

  it('sets the amount paid in bold and the QR code with the receipt data', () => {
    const paper = decodeEscPos(encodeEscPos(receipt(), 80));
    expect(paper.bold).toContain(`Amount paid${' '.repeat(48 - 'Amount paid'.length - 'KES 145.50'.length)}KES 145.50`);
    expect(paper.qr).toEqual(['COUNTER|R-T01-5001|01962f4e-8a00-7000-8000-000000005001|14550']);
  });

  it('says COPY on a reprint', () => {
    expect(decodeEscPos(encodeEscPos(receipt(true), 58)).lines).toContain('*** COPY ***');
  });

  it.each([
    [58, 32],
    [80, 48],
  ] as const)('keeps every line of a %i mm receipt within %i columns', (paperWidth, columns) => {
    const paper = decodeEscPos(encodeEscPos(receipt(), paperWidth));
    expect(paper.lines.length).toBeGreaterThan(20);
    for (const width of paper.widths) expect(width).toBeLessThanOrEqual(columns);
    expect(paper.lines).toContain('-'.repeat(columns));
  });

  it('emits exactly the code page, the padded pair, a line feed and a full cut', () => {
    const bytes = encodeEscPos(documentOf([{ kind: 'pair', left: 'Cash', right: 'KES 1.00' }]), 58);
    const pair = `Cash${' '.repeat(32 - 4 - 8)}KES 1.00\n`;
    expect(bytes).toEqual(
      Buffer.concat([
        Buffer.from([0x1b, 0x74, 0x00]),
        Buffer.from(pair, 'ascii'),
        Buffer.from([0x1b, 0x64, 0x04, 0x1b, 0x64, 0x04, 0x1d, 0x56, 0x00, 0x1b, 0x40]),
      ]),
    );
  });

  it('puts a pair too long for the paper on two lines rather than cutting either side short', () => {
    const paper = decodeEscPos(encodeEscPos(documentOf([{ kind: 'pair', left: 'Reference', right: 'BANK-TRANSFER-REF-0000000000001' }]), 58));
    expect(paper.lines).toEqual(['Reference', ' BANK-TRANSFER-REF-0000000000001']);
  });

  it('folds large text at half the line, since each letter is twice as wide', () => {
    const paper = decodeEscPos(encodeEscPos(documentOf([{ kind: 'text', text: 'Cityville Water & Power', size: 'large', bold: true }]), 58));
    expect(paper.lines).toEqual(['Cityville Water', '& Power']);
    expect(paper.widths).toEqual([30, 14]);
  });

  it('spells non-ASCII letters without their accents', () => {
    const paper = decodeEscPos(encodeEscPos(documentOf([{ kind: 'text', text: 'José' }]), 80));
    expect(paper.lines).toEqual(['Jose']);
  });
});
