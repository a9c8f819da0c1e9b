import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { newId } from '../db/ids.js';
import { adminApi } from './admin-api.js';
import { changeLog } from './changes.js';
import { openCentralDatabase } from './database.js';
import { seedCentralDemo } from './demo.js';
import { faultInjector, type Endpoint, type FaultInjector } from './faults.js';
import { answer, problemAnswer, send, type Answer } from './http.js';
import { postingStore } from './postings.js';
import { CentralProblem } from './problem.js';
import { referenceData, type ReferenceData } from './reference.js';
import { syncApi } from './sync-api.js';
import type { KeptTillSession } from './branch-tills.js';
import type { DisconnectionHold } from './plan-holds.js';
import type { StoredTillCheck } from './till-checks.js';
import { terminalRegistry } from './terminals.js';

export const DEMO_ENROLMENT_CODE = 'DEMO-ENROL';
export const DEMO_ADMIN_KEY = 'DEMO-ADMIN';

export interface CentralOptions {
  /** 0 (the default) for any free port. */
  port?: number;
  host?: string;
  /** Where central.db lives; without it the database is in memory. */
  dataDir?: string;
  /** Seed the demo reference data into an empty centre. */
  demo?: boolean;
  enrolmentCodes?: readonly string[];
  adminKey?: string;
  /** Accounts whose postings are rejected as closed at the centre. */
  rejectAccounts?: readonly string[];
  /** The chances of faults with a probability; seed it for a soak test that replays. */
  random?: () => number;
  now?: () => Date;
}

export interface Central {
  url: string;
  enrolmentCodes: readonly string[];
  adminKey: string;
  reference: ReferenceData;
  faults: Pick<FaultInjector, 'set' | 'clear' | 'armed'>;
  /** Replaces the accounts rejected as closed at the centre. */
  rejectAccounts(accountIds: readonly string[]): void;
  revokeTerminal(terminalId: string): void;
  totals(terminalId?: string): { count: number; total: number };
  postingKeys(terminalId?: string): string[];
  tillChecks(): StoredTillCheck[];
  /** The closed tills the centre keeps and passes to each branch's other terminals; of one branch or all. */
  tillSessions(branchName?: string): KeptTillSession[];
  /** The disconnection holds payment plans put on accounts, as the counters reported them; of one account or all. */
  disconnectionHolds(accountId?: string): DisconnectionHold[];
  close(): Promise<void>;
}

/** The reference central billing server: its database, the sync calls, the admin calls, listening on loopback. */
export async function startCentral(options: CentralOptions = {}): Promise<Central> {
  const now = options.now ?? (() => new Date());
  const enrolmentCodes = options.enrolmentCodes ?? [DEMO_ENROLMENT_CODE];
  const adminKey = options.adminKey ?? DEMO_ADMIN_KEY;
  let closedAccounts: ReadonlySet<string> = new Set(options.rejectAccounts);
  const rejectAccounts = (accountIds: readonly string[]) => {
    closedAccounts = new Set(accountIds);
  };

  const db = openCentralDatabase(options.dataDir);
  const changes = changeLog(db);
  const terminals = terminalRegistry(db, { enrolmentCodes, now });
  const postings = postingStore(db, { now, closedAccounts: () => closedAccounts, changes, branchOf: terminals.branchOf });
  const reference = referenceData(db, changes, newId);
  const faults = faultInjector(options.random);
  if (options.demo && changes.isEmpty()) db.transaction(() => seedCentralDemo(reference, { newId, now: now() }))();

  const sync = syncApi({ terminals, postings, changes });
  const admin = adminApi({ adminKey, reference, faults, postings, terminals, rejectAccounts });

  async function syncCall(endpoint: Endpoint, request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const strike = faults.take(endpoint);
    if (strike?.fault === 'drop-before-commit') return void request.socket.destroy();
    if (strike?.fault === 'status-500' || strike?.fault === 'status-503') {
      const status = strike.fault === 'status-500' ? 500 : 503;
      return send(response, answer(status, { error: `Injected fault: the centre answered ${status}` }));
    }
    if (strike?.fault === 'slow') await delay(strike.delayMs);
    // The client gave up, or the centre is closing: nothing to answer.
    if (request.socket.destroyed) return;
    let reply: Answer;
    try {
      if (endpoint === 'register') reply = await sync.register(request);
      else if (endpoint === 'push') reply = await sync.push(request);
      else reply = sync.pull(request, url, strike?.fault === 'duplicate-page');
    } catch (error) {
      reply = problemAnswer(error);
    }
    // The work is committed; losing the answer is the fault.
    if (strike?.fault === 'drop-after-commit') return void request.socket.destroy();
    send(response, reply);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://central');
    const endpoint = ROUTES[`${request.method} ${url.pathname}`];
    if (endpoint) return syncCall(endpoint, request, response, url);
    if (url.pathname.startsWith('/_admin/')) return send(response, await admin.handle(request, url));
    throw new CentralProblem(404, `No call ${request.method} ${url.pathname}`);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent && !request.socket.destroyed) send(response, problemAnswer(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;

  return {
    url: `http://${address}:${port}`,
    enrolmentCodes,
    adminKey,
    reference,
    faults: { set: faults.set, clear: faults.clear, armed: faults.armed },
    rejectAccounts,
    revokeTerminal: terminals.revoke,
    totals: postings.totals,
    postingKeys: postings.keys,
    tillChecks: postings.tillChecks,
    tillSessions: postings.tillSessions,
    disconnectionHolds: postings.disconnectionHolds,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      db.close();
    },
  };
}

const ROUTES: Record<string, Endpoint> = {
  'POST /v1/terminals': 'register',
  'POST /v1/postings': 'push',
  'GET /v1/changes': 'pull',
};
