import { describe, expect, it } from 'vitest';
import { runSoak, soakProblems } from '../sync/soak-run.js';

describe('a short soak (npm run soak runs 100,000)', () => {
  it('ends with the same payments and total at the centre as at the counter, through a random mix of faults', async () => {
    const result = await runSoak({ postings: 3_000, seed: 42 });
    expect(soakProblems(result)).toEqual([]);
    expect(result.centre.count + result.parked + result.pending).toBe(3_000);
  }, 120_000);
});
