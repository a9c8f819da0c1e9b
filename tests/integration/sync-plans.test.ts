import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../core/api/contract.js';
import { outbox, push, registerTerminal } from '../../central/testing.js';
import { openCounterAndCentre, type SyncHarness } from '../sync/sync-harness.js';

/**
 * Payment plans against the reference centre over real HTTP: a plan made at
 * the counter reaches the centre with the disconnection hold it places, the
 * hold's release follows it, and a plan the centre sends back down is not
 * charged to the account a second time.
 */
let harness: SyncHarness;
afterEach(async () => harness?.close());

const PINS = { samuel: '4567', mary: '3456' } as const;
type Call = <N extends CallName>(name: N, input: CallInput<N>) => Promise<CallOutput<N>>;

async function as(username: keyof typeof PINS): Promise<Call> {
  const login = await harness.backend.dispatch('session-login', { username, pin: PINS[username] }, null);
  if (!login.ok) throw new Error(login.error.message);
  const token = (login.value as { token: string }).token;
  return async (name, input) => {
    const result = await harness.backend.dispatch(name, input, token);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as never;
  };
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Samuel puts John Doe's open bills and charges, as the centre sent them, on a three-month plan. */
async function johnsPlan(samuel: Call) {
  const [john] = await samuel('consumer-search', { query: 'WU-10001', limit: 1 });
  const account = await samuel('consumer-account', { consumerId: john!.id });
  const covers = [...account.bills, ...account.services].map((item) => ({ kind: item.kind as 'bill' | 'service', id: item.id }));
  const plan = await samuel('plan-create', { id: uuidv7(), consumerId: john!.id, covers, installments: 3, frequency: 'monthly', firstDueOn: day(14) });
  return { plan, balance: account.balance };
}

describe('payment plans and the centre', () => {
  it('a plan made at the counter reaches the centre, which holds the account from disconnection until the plan lets go', async () => {
    harness = await openCounterAndCentre();
    const { plan } = await johnsPlan(await as('samuel'));
    await harness.drain();

    const kinds = harness.backend.store.db.$client.prepare("select kind, state from outbox where kind like 'plan.%' order by seq").all();
    expect(kinds).toEqual([
      { kind: 'plan.created', state: 'sent' },
      { kind: 'plan.hold_placed', state: 'sent' },
    ]);
    expect(harness.centre.disconnectionHolds(plan.consumer.id)).toEqual([{ planId: plan.id, accountId: plan.consumer.id, terminalId: harness.terminalId(), heldSince: plan.hold.since, releasedAt: null }]);

    const cancelled = await (await as('mary'))('plan-cancel', { planId: plan.id, reason: 'Customer paid the arrears in full elsewhere' });
    await harness.drain();
    const [released] = harness.centre.disconnectionHolds(plan.consumer.id);
    expect(released).toMatchObject({ planId: plan.id, heldSince: null, releasedAt: cancelled.events.at(-1)!.at });
  });

  it('a plan the centre sends back down is left as the counter made it: its installments are not charged twice', async () => {
    harness = await openCounterAndCentre();
    const { plan, balance } = await johnsPlan(await as('samuel'));
    await harness.drain();
    const lines = harness.backend.store.db.$client.prepare('select count(*) from ledger_lines').pluck();
    const before = lines.get();

    harness.centre.reference.addPaymentPlan({
      id: plan.id,
      planNumber: plan.number,
      consumerId: plan.consumer.id,
      status: 'active',
      createdAt: plan.createdAt,
      installments: plan.installments.map(({ id, number, amount, dueOn }) => ({ id, number, amount, dueOn })),
    });
    await harness.backend.sync!.runNow();

    expect(lines.get()).toBe(before);
    const samuel = await as('samuel');
    expect((await samuel('consumer-account', { consumerId: plan.consumer.id })).balance).toBe(balance);
    expect(await samuel('plan-view', { planId: plan.id })).toMatchObject({ status: 'on_track', version: 1, total: plan.total });
  });

  it('the centre refuses a plan posting that does not name its plan, and keeps no hold from it', async () => {
    harness = await openCounterAndCentre();
    const { token } = await registerTerminal(harness.centre, 'T09');
    const postings = outbox();
    const account = uuidv7();
    const results = await push(harness.centre, token, [
      postings.posting('plan.hold_placed', account, 0, { since: new Date().toISOString() }),
      postings.posting('plan.status_changed', uuidv7(), 0, { planId: uuidv7(), from: 'on_track', to: 'at_risk' }),
    ]);
    expect(results.map((r) => [r.outcome, 'reason' in r ? r.reason : undefined])).toEqual([
      ['rejected', 'plan.hold_placed does not name its plan as the contract says'],
      ['accepted', undefined],
    ]);
    expect(harness.centre.disconnectionHolds(account)).toEqual([]);
  });
});
