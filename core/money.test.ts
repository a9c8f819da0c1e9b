import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, cents, formatMoneyAscii, parseAmount, subtract, toDecimalText } from './money.js';

describe('reading what the cashier typed', () => {
  it.each([
    ['150', 15000],
    ['150.00', 15000],
    ['145.5', 14550],
    ['1,234.50', 123450],
    [' 0.10 ', 10],
  ])('"%s" is %i cents', (typed, expected) => {
    expect(parseAmount(typed)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'empty'],
    ['abc', 'not-a-number'],
    ['-5', 'negative'],
    ['1.234', 'too-many-decimals'],
    ['1,23.00', 'not-a-number'],
    ['99999999999999999', 'too-large'],
  ])('"%s" is refused as %s', (typed, reason) => {
    expect(parseAmount(typed)).toEqual({ ok: false, reason });
  });

  it('any amount written out as text reads back as the same cents', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 50 }), (value) => {
      expect(parseAmount(toDecimalText(cents(value)))).toEqual({ ok: true, value });
    }));
  });
});

describe('money arithmetic and formatting', () => {
  it('150.00 received for 145.50 gives exactly 4.50 change, with no float drift', () => {
    expect(subtract(cents(15000), cents(14550))).toBe(450);
    expect(add(cents(10), cents(20))).toBe(30);
  });

  it('refuses fractions of a cent', () => {
    expect(() => cents(0.5)).toThrow(RangeError);
  });

  it('formats for the printer in plain ASCII with thousands separators', () => {
    expect(formatMoneyAscii(cents(123450), 'KES')).toBe('KES 1,234.50');
    expect(formatMoneyAscii(cents(450), 'KES')).toBe('KES 4.50');
    expect(formatMoneyAscii(cents(-14550), 'KES')).toBe('-KES 145.50');
  });
});
