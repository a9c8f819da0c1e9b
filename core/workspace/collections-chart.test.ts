import { describe, expect, it } from 'vitest';
import { cents } from '../money.js';
import { DEFAULT_SETTINGS } from '../settings/settings.js';
import { collectionsChart, type DaySplit } from './collections-chart.js';

const split = (day: string, method: string, channel: string, amount: number, status: DaySplit['status'] = 'posted'): DaySplit => ({ day, method, channel, status, amount: cents(amount) });

describe('collections per day for the charts', () => {
  const chart = collectionsChart(
    '2025-02',
    [
      split('2025-02-03', 'cash', 'walk_in', 10000),
      split('2025-02-03', 'mpesa', 'walk_in', 2500),
      split('2025-02-03', 'mpesa', 'field', 1500),
      split('2025-02-03', 'cash', 'walk_in', 7000, 'reversed'),
      split('2025-02-14', 'card', 'walk_in', 4000, 'pending'),
      split('2025-02-28', 'stripe', 'online', 3000),
    ],
    DEFAULT_SETTINGS,
  );

  it('has every day of the month, days without payments at zero', () => {
    expect(chart.days).toHaveLength(28);
    expect(chart.days[13]).toMatchObject({ date: '2025-02-14', total: 0 });
  });

  it('splits a day’s posted payments by method and by channel, leaving out reversed ones', () => {
    expect(chart.days[2]).toEqual({
      date: '2025-02-03',
      total: 14000,
      byMethod: { cash: 10000, card: 0, mpesa: 4000, bank_transfer: 0, stripe: 0 },
      byChannel: { walk_in: 12500, field: 1500, online: 0 },
    });
  });

  it('labels methods and channels as the settings name them, and a code the settings do not know by its code', () => {
    expect(chart.methods).toEqual([
      { code: 'cash', label: 'Cash' },
      { code: 'card', label: 'Card' },
      { code: 'mpesa', label: 'M-PESA' },
      { code: 'bank_transfer', label: 'Bank transfer' },
      { code: 'stripe', label: 'stripe' },
    ]);
    expect(chart.channels).toEqual([
      { code: 'walk_in', label: 'Walk-in' },
      { code: 'field', label: 'Field agent' },
      { code: 'online', label: 'online' },
    ]);
  });
});
