import { describe, expect, it } from 'vitest';
import { encodeEscPos } from '../../electron/printing/escpos.js';
import { decodeEscPos } from './escpos-decoder.js';

const ESC = 0x1b;
const GS = 0x1d;
const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'ascii') : Buffer.from(part))));

describe('decodeEscPos', () => {
  it('keeps the printed text, split on line feeds, and drops the commands around it', () => {
    const paper = decodeEscPos(bytes([ESC, 0x40, ESC, 0x74, 0, ESC, 0x61, 1], 'Receipt\n', [ESC, 0x61, 0, ESC, 0x2d, 1], 'Total', [ESC, 0x2d, 0], '\n'));
    expect(paper.lines).toEqual(['Receipt', 'Total']);
    expect(paper.text).toBe('Receipt\nTotal');
  });

  it('collects bold text one line at a time', () => {
    const paper = decodeEscPos(bytes('plain ', [ESC, 0x45, 1], 'Amount\npaid', [ESC, 0x45, 0], ' done\n'));
    expect(paper.bold).toEqual(['Amount', 'paid']);
    expect(paper.lines).toEqual(['plain Amount', 'paid done']);
  });

  it('counts a double-width letter as two columns, under ESC ! and under GS !', () => {
    const paper = decodeEscPos(bytes([ESC, 0x21, 0x30], 'Big\n', [ESC, 0x21, 0], 'small\n', [GS, 0x21, 0x11], 'Big\n', [GS, 0x21, 0x00]));
    expect(paper.widths).toEqual([6, 5, 6]);
  });

  it('counts full and partial cuts, with or without a feed amount', () => {
    const paper = decodeEscPos(bytes('a\n', [ESC, 0x64, 4, GS, 0x56, 0x00], 'b\n', [GS, 0x56, 0x01, GS, 0x56, 66, 3]));
    expect(paper.cuts).toBe(3);
    expect(paper.lines).toEqual(['a', 'b']);
  });

  it('reads the data of a stored QR code and ignores its settings', () => {
    const data = 'COUNTER|R-T01-5001';
    const length = data.length + 3;
    const paper = decodeEscPos(
      bytes(
        [GS, 0x28, 0x6b, 4, 0, 0x31, 0x41, 0x32, 0],
        [GS, 0x28, 0x6b, 3, 0, 0x31, 0x43, 6],
        [GS, 0x28, 0x6b, length, 0, 0x31, 0x50, 0x30],
        data,
        [GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30],
      ),
    );
    expect(paper.qr).toEqual([data]);
    expect(paper.lines).toEqual([]);
  });

  it('refuses bytes it does not know rather than reading them as text', () => {
    expect(() => decodeEscPos(bytes([ESC, 0x70, 0, 25, 250]))).toThrow('Unknown ESC command 0x70 at byte 0');
    expect(() => decodeEscPos(bytes('ok', [GS, 0x6b, 4]))).toThrow('Unknown GS command 0x6b at byte 2');
    expect(() => decodeEscPos(bytes([ESC, 0x45]))).toThrow('ends inside a command');
  });

  it('reads back everything encodeEscPos writes for a document', () => {
    const paper = decodeEscPos(
      encodeEscPos(
        {
          title: 'Test',
          fileName: 'test',
          copy: false,
          lines: [
            { kind: 'text', text: 'Counter', align: 'center', bold: true, size: 'large' },
            { kind: 'blank' },
            { kind: 'pair', left: 'Amount paid', right: 'KES 145.50', bold: true },
            { kind: 'rule' },
            { kind: 'qr', data: 'COUNTER|R-T01-5001' },
            { kind: 'text', text: 'Thank you', align: 'right' },
          ],
        },
        58,
      ),
    );
    expect(paper.lines).toEqual(['Counter', '', `Amount paid${' '.repeat(11)}KES 145.50`, '-'.repeat(32), '', 'Thank you']);
    expect(paper.bold).toEqual(['Counter', `Amount paid${' '.repeat(11)}KES 145.50`]);
    expect(paper.qr).toEqual(['COUNTER|R-T01-5001']);
    expect(paper.cuts).toBe(1);
  });
});
