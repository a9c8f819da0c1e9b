import { describe, expect, it } from 'vitest';
import type { CallOutput } from '../../core/api/contract.js';
import { channelSlices, dailyBars, shortAmount } from './chart-data.js';

const chart: CallOutput<'workspace-chart'> = {
  days: [
    { date: '2026-04-01', total: 15000, byMethod: { cash: 10000, mpesa: 5000 }, byChannel: { walk_in: 15000 } },
    { date: '2026-04-02', total: 0, byMethod: {}, byChannel: {} },
    { date: '2026-04-03', total: 2500, byMethod: { mpesa: 2500 }, byChannel: { walk_in: 500, field: 2000 } },
  ],
  methods: [
    { code: 'cash', label: 'Cash' },
    { code: 'mpesa', label: 'M-PESA' },
  ],
  channels: [
    { code: 'walk_in', label: 'Walk-in' },
    { code: 'field', label: 'Field agent' },
    { code: 'online', label: 'Online' },
  ],
};

describe('the collections charts', () => {
  it('draw one bar a day, stacked by method, with 0 for a method that took nothing that day', () => {
    const { data, series } = dailyBars(chart);
    expect(series.map((s) => [s.name, s.label])).toEqual([['cash', 'Cash'], ['mpesa', 'M-PESA']]);
    expect(data).toEqual([
      { day: '1', date: '2026-04-01', cash: 10000, mpesa: 5000 },
      { day: '2', date: '2026-04-02', cash: 0, mpesa: 0 },
      { day: '3', date: '2026-04-03', cash: 0, mpesa: 2500 },
    ]);
  });

  it("split the month's total by channel, leaving out channels that took nothing", () => {
    expect(channelSlices(chart).map((s) => [s.code, s.name, s.value])).toEqual([
      ['walk_in', 'Walk-in', 15500],
      ['field', 'Field agent', 2000],
    ]);
  });

  it('label the amount axis in short whole units', () => {
    expect(shortAmount(95000)).toBe('950');
    expect(shortAmount(1250000)).toBe('12.5k');
    expect(shortAmount(123456789)).toBe('1.2M');
  });
});
