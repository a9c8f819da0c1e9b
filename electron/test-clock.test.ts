import { describe, expect, it } from 'vitest';
import type { Dispatch } from '../core/api/dispatch.js';
import { createTestClock, TEST_CLOCK_CALL, withTestClock } from './test-clock.js';

const START = Date.parse('2026-11-23T09:00:00Z');

describe('the test clock', () => {
  it('tells the real time until it is moved, then the real time plus the days moved', () => {
    let real = START;
    const clock = createTestClock(() => real);
    expect(clock.now().toISOString()).toBe('2026-11-23T09:00:00.000Z');
    clock.advance(10);
    clock.advance(36);
    real += 60_000;
    expect(clock.now().toISOString()).toBe('2027-01-08T09:01:00.000Z');
  });
});

describe('withTestClock', () => {
  const passedOn: string[] = [];
  const dispatch: Dispatch = (name) => {
    passedOn.push(name);
    return Promise.resolve({ ok: true, value: name });
  };

  it('moves the clock on its own call and never passes that call to the contract', async () => {
    const clock = createTestClock(() => START);
    const answer = await withTestClock(dispatch, clock)(TEST_CLOCK_CALL, { days: 45 }, null);
    expect(answer).toEqual({ ok: true, value: { now: '2027-01-07T09:00:00.000Z' } });
    expect(passedOn).not.toContain(TEST_CLOCK_CALL);
  });

  it('passes every other call on as it came', async () => {
    const answer = await withTestClock(dispatch, createTestClock())('plan-view', { planId: 'x' }, 'token');
    expect(answer).toEqual({ ok: true, value: 'plan-view' });
    expect(passedOn).toContain('plan-view');
  });

  it.each([{ days: 0 }, { days: -3 }, { days: 1.5 }, { days: '7' }, {}, null])('refuses %j and leaves the clock where it was', async (input) => {
    const clock = createTestClock(() => START);
    const answer = await withTestClock(dispatch, clock)(TEST_CLOCK_CALL, input, null);
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'days' } });
    expect(clock.now().getTime()).toBe(START);
  });
});
