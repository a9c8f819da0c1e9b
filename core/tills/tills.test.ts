import { describe, expect, it } from 'vitest';
import { cents } from '../money.js';
import { countedTotal, KES_DENOMINATIONS } from './denominations.js';
import { expectedCash, variance } from './expected-cash.js';
import { closingDecision } from './variance-rules.js';

const note = (shillings: number) => String(shillings * 100);

describe('counting the drawer by denomination', () => {
  it('adds notes and coins at their face value', () => {
    expect(countedTotal({ [note(1000)]: 3, [note(50)]: 1, [note(5)]: 4, [note(1)]: 2 }, KES_DENOMINATIONS)).toBe(cents(307_200));
  });

  it('counts nothing as zero', () => {
    expect(countedTotal({}, KES_DENOMINATIONS)).toBe(0);
  });

  it('refuses a negative or fractional count, naming the denomination', () => {
    expect(() => countedTotal({ [note(500)]: -1 }, KES_DENOMINATIONS)).toThrow(expect.objectContaining({ field: 'counts.50000', message: 'The count of 500 notes must be a whole number, zero or more' }));
    expect(() => countedTotal({ [note(10)]: 1.5 }, KES_DENOMINATIONS)).toThrow(expect.objectContaining({ field: 'counts.1000', message: 'The count of 10 coins must be a whole number, zero or more' }));
  });

  it('refuses a denomination the drawer does not take', () => {
    expect(() => countedTotal({ [note(2000)]: 1 }, KES_DENOMINATIONS)).toThrow(expect.objectContaining({ field: 'counts.200000', message: '2000 is not a denomination this drawer takes' }));
  });
});

describe('expected cash and variance', () => {
  const flow = { openingFloat: cents(500_000), cashReceived: cents(1_234_550), changeGiven: cents(4_550), cashIn: cents(200_000), cashOut: cents(150_000), cashRefunds: cents(10_000) };

  it('is the float plus cash received less change, plus cash in, less cash out and refunds', () => {
    expect(expectedCash(flow)).toBe(cents(500_000 + 1_234_550 - 4_550 + 200_000 - 150_000 - 10_000));
  });

  it('is the float alone for a session that took no cash', () => {
    expect(expectedCash({ ...flow, cashReceived: cents(0), changeGiven: cents(0), cashIn: cents(0), cashOut: cents(0), cashRefunds: cents(0) })).toBe(cents(500_000));
  });

  it('reads a count short of what is expected as a negative variance', () => {
    expect(variance(cents(1_770_000), cents(1_765_000))).toBe(-5_000);
    expect(variance(cents(1_770_000), cents(1_770_100))).toBe(100);
  });
});

describe('closing a till with a variance', () => {
  const tolerance = cents(10_000);

  it('lets the cashier close when every method is within the tolerance, short or over', () => {
    expect(closingDecision([
      { method: 'cash', expected: cents(100_000), counted: cents(90_000), variance: cents(-10_000) },
      { method: 'card', expected: cents(50_000), counted: cents(50_000), variance: cents(0) },
    ], tolerance)).toEqual({ needsApproval: false });
  });

  it('needs a branch manager for a variance beyond the tolerance, naming the methods', () => {
    expect(closingDecision([
      { method: 'cash', expected: cents(100_000), counted: cents(95_000), variance: cents(-5_000) },
      { method: 'mpesa', expected: cents(80_000), counted: cents(69_999), variance: cents(-10_001) },
    ], tolerance)).toEqual({ needsApproval: true, beyond: ['mpesa'] });
  });
});
