import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildReceipt } from '../../core/receipts/receipt.js';
import { DEFAULT_SETTINGS } from '../../core/settings/settings.js';
import { samplePayment } from '../../tests/support/sample-payment.js';
import { renderPdf } from './pdf.js';

/** The text pdfkit drew, one entry per text operation: it writes standard-font text as hex strings in TJ arrays. */
function drawnText(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const streams = [...raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].flatMap((match) => {
    try {
      return [inflateSync(Buffer.from(match[1]!, 'latin1')).toString('latin1')];
    } catch {
      return [];
    }
  });
  return streams.flatMap((content) =>
    [...content.matchAll(/\[(.*?)\] TJ/g)].map((op) => [...op[1]!.matchAll(/<([0-9a-f]*)>/g)].map((hex) => Buffer.from(hex[1]!, 'hex').toString('latin1')).join('')),
  );
}

const pageSizes = (pdf: Buffer) => [...pdf.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Number(m[1]), Number(m[2])]);

describe('renderPdf', () => {
  it('makes one 80 mm wide page titled after the receipt', async () => {
    const pdf = await renderPdf(buildReceipt(samplePayment(), DEFAULT_SETTINGS, { copyNumber: 0 }));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    expect(pageSizes(pdf)).toHaveLength(1);
    expect(pageSizes(pdf)[0]![0]).toBeCloseTo(226.77, 1);
    expect(pdf.toString('latin1')).toContain('(Receipt R-T01-5001)');
  });

  it('says what the paper receipt says: receipt number, amount paid, change and the QR data', async () => {
    const text = drawnText(await renderPdf(buildReceipt(samplePayment(), DEFAULT_SETTINGS, { copyNumber: 0 })));
    expect(text).toContain('R-T01-5001');
    expect(text).toContain('Amount paid');
    expect(text).toContain('KES 145.50');
    expect(text).toContain('KES 4.50');
    // The QR data is wider than the page, so it wraps.
    expect(text.join('')).toContain('COUNTER|R-T01-5001|01962f4e-8a00-7000-8000-000000005001|14550');
  });

  it('says COPY on a reprint', async () => {
    const pdf = await renderPdf(buildReceipt(samplePayment(), DEFAULT_SETTINGS, { copyNumber: 1 }));
    expect(drawnText(pdf)).toContain('*** COPY ***');
    expect(pdf.toString('latin1')).toContain('(Receipt R-T01-5001 \\(COPY\\))');
  });

  it('grows the page with the receipt instead of starting a second one', async () => {
    const allocation = samplePayment().allocations[0]!;
    const many = samplePayment({ allocations: Array.from({ length: 40 }, (_, i) => ({ ...allocation, reference: `INV-2025-${String(i).padStart(6, '0')}` })) });
    const short = pageSizes(await renderPdf(buildReceipt(samplePayment(), DEFAULT_SETTINGS, { copyNumber: 0 })));
    const long = await renderPdf(buildReceipt(many, DEFAULT_SETTINGS, { copyNumber: 0 }));
    expect(pageSizes(long)).toHaveLength(1);
    expect(pageSizes(long)[0]![1]).toBeGreaterThan(short[0]![1]! * 3);
    expect(drawnText(long)).toContain('INV-2025-000039  Mar 2025');
  });
});
