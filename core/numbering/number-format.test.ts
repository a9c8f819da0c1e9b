import { describe, expect, it } from 'vitest';
import { DEFAULT_NUMBER_FORMATS, formatNumber, numberFormatProblem, sequenceScope } from './number-format.js';

describe('number formats', () => {
  it('the first receipt of terminal T01 is R-T01-5001', () => {
    const format = DEFAULT_NUMBER_FORMATS.receipt;
    expect(formatNumber(format, format.start, 2026, 'T01')).toBe('R-T01-5001');
  });

  it('pads the sequence and puts in the year', () => {
    expect(formatNumber({ pattern: 'PAY-{yyyy}-{terminal}-{seq:6}', start: 1 }, 42, 2026, 'T02')).toBe('PAY-2026-T02-000042');
  });

  it('a format without the terminal is refused, so two counters never issue the same number', () => {
    expect(numberFormatProblem({ pattern: 'R-{seq}', start: 1 })).toMatch(/terminal/);
    expect(numberFormatProblem(DEFAULT_NUMBER_FORMATS.payment)).toBeNull();
  });

  it('a format with the year starts again each year; one without runs on', () => {
    expect(sequenceScope('payment', { pattern: 'PAY-{yyyy}-{terminal}-{seq:6}', start: 1 }, 2026)).not.toBe(
      sequenceScope('payment', { pattern: 'PAY-{yyyy}-{terminal}-{seq:6}', start: 1 }, 2027),
    );
    expect(sequenceScope('receipt', { pattern: 'R-{terminal}-{seq}', start: 1 }, 2026)).toBe(sequenceScope('receipt', { pattern: 'R-{terminal}-{seq}', start: 1 }, 2027));
  });
});
