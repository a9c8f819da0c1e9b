import { addDays, addMonths } from '../dates/calendar.js';

/** A calendar month of the counter's local dates, as 'YYYY-MM'. */
export type Month = string;

export const monthOf = (date: string): Month => date.slice(0, 7);

export const firstDayOf = (month: Month): string => `${month}-01`;

export const lastDayOf = (month: Month): string => addDays(addMonths(firstDayOf(month), 1), -1);

export const previousMonth = (month: Month): Month => monthOf(addMonths(firstDayOf(month), -1));

/** Every date of the month, first to last. */
export function daysOf(month: Month): string[] {
  const days: string[] = [];
  for (let day = firstDayOf(month); monthOf(day) === month; day = addDays(day, 1)) days.push(day);
  return days;
}
