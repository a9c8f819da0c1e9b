import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { centralError } from '../core/sync/protocol.js';
import { startCentral, type Central } from './server.js';
import { outbox, pullRaw, pushRaw, registerTerminal } from './testing.js';

let central: Central;
beforeEach(async () => {
  central = await startCentral({ enrolmentCodes: ['BRANCH-7-CODE'] });
});
afterEach(() => central.close());

const register = (body: unknown) => fetch(`${central.url}/v1/terminals`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('registering a terminal', () => {
  it('gives a counter with an issued enrolment code a terminal id and a bearer token', async () => {
    const { terminalId, token } = await registerTerminal(central, 'T07');
    expect(terminalId).not.toBe('');
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect((await pullRaw(central, token, '')).status).toBe(200);
  });

  it('refuses a wrong enrolment code with 403 on the enrolmentCode field', async () => {
    const response = await register({ enrolmentCode: 'GUESS', terminalCode: 'T01', branchName: 'Cityville' });
    expect(response.status).toBe(403);
    expect(centralError.parse(await response.json()).field).toBe('enrolmentCode');
  });

  it('answers a malformed registration with 400 naming the field', async () => {
    const response = await register({ enrolmentCode: 'BRANCH-7-CODE', terminalCode: 'lower case', branchName: 'Cityville' });
    expect(response.status).toBe(400);
    expect(centralError.parse(await response.json()).field).toBe('terminalCode');
  });

  it('gives every terminal its own token', async () => {
    const first = await registerTerminal(central, 'T01');
    const second = await registerTerminal(central, 'T02');
    expect(first.terminalId).not.toBe(second.terminalId);
    expect(first.token).not.toBe(second.token);
  });
});

describe('the bearer token', () => {
  it('is required: push and pull without one, or with an unknown one, are 401', async () => {
    const postings = [outbox().paymentRecorded('consumer-1', 1000)];
    expect((await fetch(`${central.url}/v1/postings`, { method: 'POST', body: JSON.stringify({ postings }) })).status).toBe(401);
    expect((await fetch(`${central.url}/v1/changes?after=`)).status).toBe(401);
    expect((await pushRaw(central, 'not-a-token-the-centre-issued', postings)).status).toBe(401);
    expect((await pullRaw(central, 'not-a-token-the-centre-issued', '')).status).toBe(401);
    expect(central.postingKeys()).toEqual([]);
  });

  it('stops working once its terminal is revoked', async () => {
    const { terminalId, token } = await registerTerminal(central);
    central.revokeTerminal(terminalId);
    expect((await pullRaw(central, token, '')).status).toBe(401);
  });
});
