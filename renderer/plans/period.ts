import { addDays, addMonths } from '../../core/dates/calendar.js';

/** The calendar month `today` falls in, first to last day: the collection report's usual period. */
export function monthOf(today: string): { from: string; to: string } {
  const from = `${today.slice(0, 7)}-01`;
  return { from, to: addDays(addMonths(from, 1), -1) };
}
