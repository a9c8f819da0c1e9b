import type { Cents } from '../money.js';
import { addDays } from '../dates/calendar.js';

/**
 * How the workspace reads what a manager types in a search box and picks in
 * its filters. The database layer turns these answers into indexed lookups;
 * the rules themselves are here so the screen and the queries agree.
 */

/** Fewest characters a fragment needs to be looked for inside a text (the trigram index's unit). */
export const INSIDE_MATCH_MIN = 3;

export interface SearchText {
  /** Trimmed, runs of spaces made one, case-folded: what is matched. */
  text: string;
  /** A receipt or credit note number fragment: letters, digits and dashes with a digit in them, long enough to be found inside a number. */
  number: boolean;
  /**
   * What a number is looked up by: its longest run of three or more digits,
   * which is what tells one receipt from another ("r-t01-5001" by "5001";
   * every receipt shares "r-t01-"), else the whole text. Each number found
   * is then checked against the whole text.
   */
  numberKey: string;
  /** The start of a consumer id (a UUID): hex digits and dashes, at least eight. */
  consumerId: boolean;
}

/**
 * Reads a search text; null when there is nothing to search for. Every
 * search looks at consumers' names and account numbers; receipt and credit
 * note numbers only when the text could be part of one, which keeps a name
 * search off the two-million-row receipt index.
 */
export function readSearch(raw: string | undefined | null): SearchText | null {
  const text = (raw ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
  if (text === '') return null;
  const hasDigit = /\d/.test(text);
  const digitRuns = text.match(/\d{3,}/g) ?? [];
  const longestRun = digitRuns.reduce((longest, run) => (run.length > longest.length ? run : longest), '');
  return {
    text,
    number: hasDigit && /^[a-z0-9./-]+$/.test(text) && text.length >= INSIDE_MATCH_MIN,
    numberKey: longestRun || text,
    consumerId: hasDigit && /^[0-9a-f-]{8,36}$/.test(text),
  };
}

/** Whether a search of this text looks inside names and numbers (long enough), or only at their start. */
export function matchesInside(search: SearchText): boolean {
  return search.text.length >= INSIDE_MATCH_MIN;
}

export type CreatedPreset = 'today' | 'this_week' | 'this_month';

/**
 * The created-date presets as From–To days, ending today (nothing is
 * created in the future): Today; This week from its Monday; This month
 * from its first day.
 */
export function createdRange(preset: CreatedPreset, today: string): { from: string; to: string } {
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'this_week': {
      const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
      return { from: addDays(today, -((weekday + 6) % 7)), to: today };
    }
    case 'this_month':
      return { from: `${today.slice(0, 8)}01`, to: today };
  }
}

export type RemainingClass = 'fully_used' | 'partly_remaining' | 'fully_remaining';

/** Fully used when nothing is left, fully remaining when none of it went, partly remaining in between. */
export function remainingClass(remaining: Cents, amount: Cents): RemainingClass {
  if (remaining <= 0) return 'fully_used';
  return remaining >= amount ? 'fully_remaining' : 'partly_remaining';
}
