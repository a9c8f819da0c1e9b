/**
 * The denomination counts as typed: one text per denomination, keyed by its
 * value in cents. Empty means none. What the backend receives is a number per
 * denomination; it checks that each is whole and not negative and names the
 * denomination at fault, so a typed "-1" or "2.5" is sent as it is.
 */
export type CountTexts = Record<string, string>;

export interface ReadCounts {
  counts: Record<string, number>;
  /** A count that is not a number at all, by denomination; it cannot be sent. */
  unreadable: string | null;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

export function readCounts(texts: CountTexts): ReadCounts {
  const counts: Record<string, number> = {};
  for (const [value, raw] of Object.entries(texts)) {
    const text = raw.trim();
    if (text === '') continue;
    if (!NUMBER.test(text)) return { counts, unreadable: value };
    counts[value] = Number(text);
  }
  return { counts, unreadable: null };
}

/** The running total, in cents, of the counts that are whole and not negative; the others add nothing until fixed. */
export function countsTotal(texts: CountTexts): number {
  let total = 0;
  for (const [value, raw] of Object.entries(texts)) {
    const pieces = Number(raw.trim());
    if (raw.trim() !== '' && Number.isInteger(pieces) && pieces >= 0) total += Number(value) * pieces;
  }
  return total;
}
