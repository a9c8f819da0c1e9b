import { describe, expect, it } from 'vitest';
import { LONGEST_RETRY_MS, retryDelay } from './backoff.js';

describe('retry delay after failed tries', () => {
  it('tries again at once when nothing has failed', () => {
    expect(retryDelay(0, () => 0.99)).toBe(0);
  });

  it('doubles its ceiling with each failure: 1 s, 2 s, 4 s, 8 s', () => {
    const ceilings = [1, 2, 3, 4].map((failures) => retryDelay(failures, () => 0.999_999));
    expect(ceilings).toEqual([999, 1999, 3999, 7999]);
  });

  it('never waits longer than five minutes, however long the outage', () => {
    expect(retryDelay(40, () => 0.999_999)).toBeLessThan(LONGEST_RETRY_MS);
    expect(retryDelay(1000, () => 0.999_999)).toBeGreaterThan(LONGEST_RETRY_MS - 1000);
  });

  it('spreads counters that fail together over the whole window (full jitter)', () => {
    expect(retryDelay(5, () => 0)).toBe(0);
    expect(retryDelay(5, () => 0.5)).toBe(8000);
  });
});
