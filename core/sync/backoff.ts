/**
 * How long to wait before trying the centre again after `failures` failed
 * tries in a row: exponential (1 s, 2 s, 4 s, …, at most 5 min) with full
 * jitter, so a branch's counters coming back together after an outage do not
 * all knock at the same second. `random` is in [0, 1).
 */
export const FIRST_RETRY_MS = 1_000;
export const LONGEST_RETRY_MS = 5 * 60_000;

export function retryDelay(failures: number, random: () => number, first = FIRST_RETRY_MS, longest = LONGEST_RETRY_MS): number {
  if (failures <= 0) return 0;
  const ceiling = Math.min(longest, first * 2 ** Math.min(failures - 1, 30));
  return Math.floor(random() * ceiling);
}
