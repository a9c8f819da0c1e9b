import { v7 as uuidv7 } from 'uuid';
import { pullResponse, pushResponse, registerResponse, SYNC_SCHEMA_VERSION, type Posting, type TillSessionData } from '../core/sync/protocol.js';
import type { Central } from './server.js';

/** Helpers for tests that talk to a centre over HTTP, as a counter does. */

export const TEST_BRANCH = 'Test Service Centre';

export async function registerTerminal(central: Central, terminalCode = 'T01', branchName = TEST_BRANCH): Promise<{ terminalId: string; token: string }> {
  const response = await fetch(`${central.url}/v1/terminals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ enrolmentCode: central.enrolmentCodes[0], terminalCode, branchName }),
  });
  if (response.status !== 200) throw new Error(`registration answered ${response.status}: ${await response.text()}`);
  return registerResponse.parse(await response.json());
}

export function pushRaw(central: Central, token: string, postings: readonly Posting[]): Promise<Response> {
  return fetch(`${central.url}/v1/postings`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ postings }) });
}

export async function push(central: Central, token: string, postings: readonly Posting[]) {
  const response = await pushRaw(central, token, postings);
  if (response.status !== 200) throw new Error(`push answered ${response.status}: ${await response.text()}`);
  return pushResponse.parse(await response.json()).results;
}

export function pullRaw(central: Central, token: string, after: string, limit?: number): Promise<Response> {
  const query = new URLSearchParams({ after, ...(limit === undefined ? {} : { limit: String(limit) }) });
  return fetch(`${central.url}/v1/changes?${query}`, { headers: { authorization: `Bearer ${token}` } });
}

export async function pull(central: Central, token: string, after: string, limit?: number) {
  const response = await pullRaw(central, token, after, limit);
  if (response.status !== 200) throw new Error(`pull answered ${response.status}: ${await response.text()}`);
  return pullResponse.parse(await response.json());
}

/** Postings as one terminal's outbox makes them: fresh keys, seq counting up. */
export function outbox() {
  let seq = 0;
  const posting = (kind: string, accountId: string, amount: number, payload: unknown, tillSessionId: string | null = null): Posting => ({
    key: uuidv7(),
    seq: ++seq,
    schemaVersion: SYNC_SCHEMA_VERSION,
    kind,
    accountId,
    amount,
    tillSessionId,
    createdAt: new Date().toISOString(),
    payload,
  });
  return {
    posting,
    paymentRecorded: (accountId: string, amount: number, options: { paymentId?: string; tillSessionId?: string } = {}) =>
      posting('payment.recorded', accountId, amount, { payment: { id: options.paymentId ?? uuidv7(), consumerId: accountId, amount }, creditNote: null }, options.tillSessionId ?? null),
    paymentReversed: (accountId: string, amount: number, paymentId: string) => posting('payment.reversed', accountId, -amount, { reversal: { id: uuidv7(), paymentId }, lines: [] }),
    paymentVerified: (accountId: string, paymentId: string) => posting('payment.verified', accountId, 0, { paymentId, verifiedBy: 'supervisor', at: new Date().toISOString() }),
    /** The closing posting as close-till.ts writes it: the session's count and total, and its summary (`total` taken unless given). */
    tillClosed: (tillSessionId: string, postingCount: number, total: number, summary: Partial<TillSessionData> = {}) =>
      posting('till.closed', `till:${tillSessionId}`, 0, { tillSessionId, postingCount, total, summary: tillSummary(tillSessionId, { taken: total, ...summary }) }, tillSessionId),
  };
}

/** A closed till's summary, as core/tills/till-report.ts makes it. */
export function tillSummary(id: string, fields: Partial<TillSessionData> = {}): TillSessionData {
  return {
    id,
    number: 'T01-TILL-0001',
    terminalCode: 'T01',
    cashierName: 'Jane Smith',
    businessDate: '2026-11-23',
    status: 'closed',
    openedAt: '2026-11-23T06:00:00.000Z',
    closedAt: '2026-11-23T15:00:00.000Z',
    taken: 0,
    cashExpected: 0,
    cashCounted: 0,
    variance: 0,
    approvedBy: null,
    ...fields,
  };
}

/** `count` consumers added at the centre, numbered from WU-20000. */
export function addConsumers(central: Central, count: number) {
  return Array.from({ length: count }, (_, n) =>
    central.reference.addConsumer({ accountNumber: `WU-${20000 + n}`, name: `Consumer ${n}`, serviceAddress: '1 Main Street', phone: '+254 700000000', email: `c${n}@example.co.ke`, status: 'active', type: 'Residential' }),
  );
}
