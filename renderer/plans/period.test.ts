import { describe, expect, it } from 'vitest';
import { monthOf } from './period.js';

describe('the collection report period', () => {
  it('is the whole month of today, to its last day', () => {
    expect(monthOf('2026-11-23')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(monthOf('2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthOf('2026-12-31')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});
