import type { CallOutput } from '../../core/api/contract.js';

type Chart = CallOutput<'workspace-chart'>;

/** Colours of the methods' and channels' parts, in the order the chart lists them. */
const PALETTE = ['blue.6', 'teal.6', 'orange.6', 'grape.6', 'yellow.6', 'cyan.6', 'pink.6', 'lime.6', 'indigo.6', 'red.6'] as const;

export interface DayBar {
  /** The day of the month as the axis shows it: "1" … "31". */
  day: string;
  date: string;
  /** Cents per method code. */
  [method: string]: string | number;
}

/**
 * One bar a day, stacked by method, in cents (the chart only draws them; the
 * tooltip formats them as money). A method with nothing on a day is 0 there.
 */
export function dailyBars(chart: Chart): { data: DayBar[]; series: Array<{ name: string; label: string; color: string }> } {
  const series = chart.methods.map((m, i) => ({ name: m.code, label: m.label, color: PALETTE[i % PALETTE.length]! }));
  const data = chart.days.map((d) => {
    const bar: DayBar = { day: String(Number(d.date.slice(8, 10))), date: d.date };
    for (const m of chart.methods) bar[m.code] = d.byMethod[m.code] ?? 0;
    return bar;
  });
  return { data, series };
}

export interface ChannelSlice {
  name: string;
  code: string;
  value: number;
  color: string;
}

/** The month's collections by channel, for the donut; channels with nothing collected are left out. */
export function channelSlices(chart: Chart): ChannelSlice[] {
  return chart.channels
    .map((c, i) => ({ name: c.label, code: c.code, value: chart.days.reduce((sum, d) => sum + (d.byChannel[c.code] ?? 0), 0), color: PALETTE[i % PALETTE.length]! }))
    .filter((slice) => slice.value > 0);
}

/** An axis tick in whole currency units, short: 950, 12.5k, 1.2M. */
export function shortAmount(cents: number): string {
  const units = cents / 100;
  if (Math.abs(units) >= 1_000_000) return `${trim(units / 1_000_000)}M`;
  if (Math.abs(units) >= 1_000) return `${trim(units / 1_000)}k`;
  return String(Math.round(units));
}

const trim = (n: number) => String(Math.round(n * 10) / 10);
