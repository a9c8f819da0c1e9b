/**
 * The days of a branch history: five years up to today, in the machine's
 * local time (the counter's payment dates are local days), and how busy
 * each day is at the counter and online. Walk-in counters close on Sundays
 * and public holidays; month ends and the first days of a month (salaries)
 * are busier; Mondays and Fridays more than midweek.
 */
export interface HistoryCalendar {
  today: string;
  nowMs: number;
  /** Day indexes run 0..last; `last` is today. */
  last: number;
  date: string[];
  /** Local midnight of each day, in ms. */
  midnight: number[];
  weekday: Uint8Array;
  /** The day index of the 1st of month k of the history (month 0 may start before day 0). */
  monthFirst: number[];
  /** Day index of a YYYY-MM-DD inside the history. */
  dayOf: Map<string, number>;
  /** Relative busyness, at most 1: a day is kept for a visit with this probability. */
  counterWeight: Float32Array;
  onlineWeight: Float32Array;
}

export const HISTORY_MONTHS = 60;
export const DAY_MS = 86_400_000;

const COUNTER_WEEKDAYS = [0, 1.15, 1, 0.95, 1, 1.2, 0.7];
const ONLINE_WEEKDAYS = [0.8, 1.05, 1, 1, 1, 1.1, 0.9];
/** Public holidays (month-day) on which the service centre is closed. */
/** How much busier the days around the end of a month are, when salaries come in. */
const PAYDAY = 1.6;
const HOLIDAYS = new Set(['01-01', '05-01', '06-01', '10-20', '12-12', '12-25', '12-26']);

const pad = (n: number) => String(n).padStart(2, '0');
export const localDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

export function historyCalendar(now: Date): HistoryCalendar {
  const end = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const start = new Date(end.getFullYear(), end.getMonth() - HISTORY_MONTHS, end.getDate() + 1);
  const date: string[] = [];
  const midnight: number[] = [];
  const weekdays: number[] = [];
  const monthFirst: number[] = [];
  const dayOf = new Map<string, number>();
  for (let d = new Date(start); d <= end; d = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1)) {
    const index = date.length;
    if (index === 0) monthFirst.push(1 - d.getDate());
    else if (d.getDate() === 1) monthFirst.push(index);
    date.push(localDate(d));
    midnight.push(d.getTime());
    weekdays.push(d.getDay());
    dayOf.set(localDate(d), index);
  }
  const counterWeight = new Float32Array(date.length);
  const onlineWeight = new Float32Array(date.length);
  const peak = Math.max(...COUNTER_WEEKDAYS) * PAYDAY;
  date.forEach((day, i) => {
    const dom = Number(day.slice(8));
    const payday = dom >= 25 || dom <= 5 ? PAYDAY : 1;
    const holiday = HOLIDAYS.has(day.slice(5));
    counterWeight[i] = holiday ? 0 : (COUNTER_WEEKDAYS[weekdays[i]!]! * payday) / peak;
    onlineWeight[i] = (ONLINE_WEEKDAYS[weekdays[i]!]! * payday * (holiday ? 0.8 : 1)) / peak;
  });
  return { today: date[date.length - 1]!, nowMs: now.getTime(), last: date.length - 1, date, midnight, weekday: Uint8Array.from(weekdays), monthFirst, dayOf, counterWeight, onlineWeight };
}

/** The date of a day index, also past either end of the history (a bill due after today). */
export function dateOf(calendar: HistoryCalendar, day: number): string {
  const known = calendar.date[day];
  if (known) return known;
  const first = new Date(calendar.midnight[0]!);
  return localDate(new Date(first.getFullYear(), first.getMonth(), first.getDate() + day));
}

/** Minutes after midnight a visit happens: office hours at the counter (Saturdays until one), any waking hour online. */
export function minuteOfVisit(random: () => number, weekday: number, channel: 'walk_in' | 'field' | 'online'): number {
  if (channel === 'online') return 6 * 60 + Math.floor(random() * 17 * 60);
  if (channel === 'field') return 9 * 60 + Math.floor(random() * 7 * 60);
  const close = weekday === 6 ? 13 * 60 : 17 * 60;
  // Two humps, mid-morning and after lunch, kept inside opening hours.
  const centre = random() < 0.55 ? 10.5 * 60 : 14.5 * 60;
  const minute = Math.round(centre + (random() + random() + random() - 1.5) * 120);
  return Math.min(close - 1, Math.max(8 * 60, minute));
}
