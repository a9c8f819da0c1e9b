import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { answer, readJson, type Answer } from './http.js';
import { faultPlan, type FaultInjector } from './faults.js';
import type { PostingStore } from './postings.js';
import { CentralProblem } from './problem.js';
import type { ReferenceData } from './reference.js';
import type { TerminalRegistry } from './terminals.js';

interface AdminParts {
  adminKey: string;
  reference: ReferenceData;
  faults: FaultInjector;
  postings: PostingStore;
  terminals: TerminalRegistry;
  rejectAccounts: (accountIds: readonly string[]) => void;
}

type Handler = (call: { body: unknown; id: string; url: URL }) => Answer;
type Route = [method: string, path: RegExp, handler: Handler];

const created = (body: unknown) => answer(201, body);
const ok = (body: unknown) => answer(200, body);

/**
 * /_admin/…: the reference data, faults and inspection of the in-process
 * API over HTTP, for a centre started from the command line. Every call
 * needs the `x-admin-key` header.
 */
export function adminApi(parts: AdminParts) {
  const { reference, faults, postings } = parts;
  const keyHash = createHash('sha256').update(parts.adminKey).digest();
  const terminalOf = (url: URL) => url.searchParams.get('terminalId') ?? undefined;

  // `as never` only hands the body over: every reference call parses its input with the protocol's schema.
  const routes: Route[] = [
    ['POST', /^\/consumers$/, ({ body }) => created(reference.addConsumer(body as never))],
    ['PATCH', /^\/consumers\/([^/]+)$/, ({ body, id }) => ok(reference.updateConsumer(id, body as never))],
    ['POST', /^\/bills$/, ({ body }) => created(reference.addBill(body as never))],
    ['POST', /^\/service-charges$/, ({ body }) => created(reference.addServiceCharge(body as never))],
    ['POST', /^\/payment-plans$/, ({ body }) => created(reference.addPaymentPlan(body as never))],
    ['POST', /^\/online-payments$/, ({ body }) => created(reference.addOnlinePayment(body as never))],
    ['PATCH', /^\/online-payments\/([^/]+)$/, ({ body, id }) => ok(reference.updateOnlinePayment(id, body as never))],
    ['POST', /^\/mpesa-confirmations$/, ({ body }) => created(reference.addMpesaConfirmation(body as never))],
    ['PUT', /^\/settings$/, ({ body }) => ok(reference.setSettings(body as never))],
    ['POST', /^\/bulk$/, ({ body }) => created(reference.bulkGenerate(body as never))],
    ['GET', /^\/faults$/, () => ok({ rules: faults.armed() })],
    [
      'POST',
      /^\/faults$/,
      ({ body }) => {
        const plan = faultPlan.parse(body);
        faults.set(plan.rules, { seed: plan.seed });
        return ok({ rules: faults.armed() });
      },
    ],
    ['DELETE', /^\/faults$/, () => (faults.clear(), ok({ rules: [] }))],
    ['PUT', /^\/rejected-accounts$/, ({ body }) => (parts.rejectAccounts(z.object({ accountIds: z.array(z.string()) }).parse(body).accountIds), ok({}))],
    ['POST', /^\/terminals\/([^/]+)\/revoke$/, ({ id }) => (parts.terminals.revoke(id), ok({}))],
    ['GET', /^\/totals$/, ({ url }) => ok(postings.totals(terminalOf(url)))],
    ['GET', /^\/postings$/, ({ url }) => ok({ keys: postings.keys(terminalOf(url)) })],
    ['GET', /^\/till-checks$/, () => ok({ tillChecks: postings.tillChecks() })],
    ['GET', /^\/till-sessions$/, ({ url }) => ok({ tillSessions: postings.tillSessions(url.searchParams.get('branch') ?? undefined) })],
  ];

  return {
    async handle(request: IncomingMessage, url: URL): Promise<Answer> {
      const presented = createHash('sha256').update(String(request.headers['x-admin-key'] ?? '')).digest();
      if (!timingSafeEqual(presented, keyHash)) throw new CentralProblem(401, 'The x-admin-key header is missing or wrong');
      const path = url.pathname.slice('/_admin'.length);
      for (const [method, pattern, handler] of routes) {
        const match = pattern.exec(path);
        if (!match) continue;
        if (request.method !== method) continue;
        const body = method === 'GET' || method === 'DELETE' ? undefined : await readJson(request);
        return handler({ body, id: decodeURIComponent(match[1] ?? ''), url });
      }
      throw new CentralProblem(404, `No admin call ${request.method} ${url.pathname}`);
    },
  };
}
