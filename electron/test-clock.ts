import type { Dispatch } from '../core/api/dispatch.js';
import type { Result } from '../core/api/errors.js';

/**
 * A clock the end-to-end tests can move forward, so a plan's due dates and
 * grace days pass without waiting for them. Browser mode uses it only when
 * COUNTER_TEST_CLOCK=1; nothing else ever does.
 */
export interface TestClock {
  now(): Date;
  /** Moves the clock `days` whole days forward; answers the new time. */
  advance(days: number): Date;
}

export function createTestClock(realNow: () => number = Date.now): TestClock {
  let offsetMs = 0;
  const now = () => new Date(realNow() + offsetMs);
  return {
    now,
    advance(days) {
      offsetMs += days * 86_400_000;
      return now();
    },
  };
}

/**
 * The name the test clock answers to over the loopback HTTP adapter
 * (POST /api/_test/clock with {"days": n}). No contract call can have it:
 * calls are named noun-verb, never with a slash.
 */
export const TEST_CLOCK_CALL = '_test/clock';
const MAX_DAYS = 3650;

/**
 * Answers the test clock's own call before the contract's dispatcher sees
 * it; every other call goes on unchanged. It needs no session: only a test
 * counter started with COUNTER_TEST_CLOCK=1 has it at all.
 */
export function withTestClock(dispatch: Dispatch, clock: TestClock): Dispatch {
  return (name, input, token) => (name === TEST_CLOCK_CALL ? Promise.resolve(moveClock(clock, input)) : dispatch(name, input, token));
}

function moveClock(clock: TestClock, input: unknown): Result<{ now: string }> {
  const days = (input as { days?: unknown } | null)?.days;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
    return { ok: false, error: { code: 'VALIDATION', message: `days must be a whole number from 1 to ${MAX_DAYS}`, field: 'days' } };
  }
  return { ok: true, value: { now: clock.advance(days).toISOString() } };
}
