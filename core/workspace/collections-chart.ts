import type { z } from 'zod';
import type { collectionsChartSchema } from '../api/calls/workspace.js';
import { add, ZERO, type Cents } from '../money.js';
import type { PaymentStatus } from '../payments/payment-record.js';
import type { CounterSettings } from '../settings/settings.js';
import { isCollected } from './kpis.js';
import { daysOf, type Month } from './period.js';

export type CollectionsChart = z.infer<typeof collectionsChartSchema>;

/** One day's payments of one method, channel and status. */
export interface DaySplit {
  day: string;
  method: string;
  channel: string;
  status: PaymentStatus;
  amount: Cents;
}

type Label = { code: string; label: string };

/** The settings' labels, then any code the payments carry that the settings no longer list, under its code. */
function labels(configured: readonly Label[], used: Iterable<string>): Label[] {
  const known = new Set(configured.map((entry) => entry.code));
  const extra = [...new Set(used)].filter((code) => !known.has(code)).sort();
  return [...configured.map(({ code, label }) => ({ code, label })), ...extra.map((code) => ({ code, label: code }))];
}

/** Posted payments per day of the month, each day split by method and by channel, every day present so bars line up. */
export function collectionsChart(month: Month, splits: readonly DaySplit[], settings: Pick<CounterSettings, 'paymentMethods' | 'channels'>): CollectionsChart {
  const posted = splits.filter((split) => isCollected(split.status));
  const methods = labels(settings.paymentMethods, posted.map((split) => split.method));
  const channels = labels(settings.channels, posted.map((split) => split.channel));
  const zeroes = (list: Label[]): Record<string, Cents> => Object.fromEntries(list.map((entry) => [entry.code, ZERO]));
  const days = daysOf(month).map((date) => ({ date, total: ZERO, byMethod: zeroes(methods), byChannel: zeroes(channels) }));
  const byDate = new Map(days.map((day) => [day.date, day]));
  for (const split of posted) {
    const day = byDate.get(split.day);
    if (!day) continue;
    day.total = add(day.total, split.amount);
    day.byMethod[split.method] = add(day.byMethod[split.method]!, split.amount);
    day.byChannel[split.channel] = add(day.byChannel[split.channel]!, split.amount);
  }
  return { days, methods, channels };
}
