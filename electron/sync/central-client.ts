import { centralError, pullResponse, pushResponse, registerResponse, type PullResponse, type PushResponse } from '../../core/sync/protocol.js';

/**
 * Why a call to the centre gave no usable answer. offline: no connection,
 * dropped or timed out; busy: 5xx or 429, try later; unauthorised: the token
 * is unknown or revoked; refused: the centre said the request itself is wrong
 * (400, 403, 413), so sending it again unchanged cannot help.
 */
export type CentralFailureKind = 'offline' | 'busy' | 'unauthorised' | 'refused';

export class CentralFailure extends Error {
  constructor(
    readonly kind: CentralFailureKind,
    message: string,
    readonly status: number | null = null,
    readonly field: string | undefined = undefined,
  ) {
    super(message);
    this.name = 'CentralFailure';
  }
}

export interface CentralClientOptions {
  baseUrl: string;
  token: () => string | null;
  timeoutMs?: number;
}

export type CentralClient = ReturnType<typeof centralClient>;

/** The counter's side of the wire contract (core/sync/CONTRACT.md), over fetch. */
export function centralClient({ baseUrl, token, timeoutMs = 30_000 }: CentralClientOptions) {
  const root = baseUrl.replace(/\/+$/, '');

  async function send(path: string, init: { method: 'GET' | 'POST'; body?: string; auth: boolean }): Promise<unknown> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (init.auth) {
      const bearer = token();
      if (!bearer) throw new CentralFailure('unauthorised', 'This counter is not registered with the centre');
      headers.authorization = `Bearer ${bearer}`;
    }
    let response: Response;
    let body: unknown;
    try {
      response = await fetch(`${root}${path}`, { method: init.method, headers, body: init.body ?? null, signal: AbortSignal.timeout(timeoutMs) });
      // Parsed from the bytes: a first download's pages are hundreds of megabytes, and decoding them to a string first cost a third more.
      body = await response.json().catch((error: unknown) => {
        if (error instanceof SyntaxError) return null;
        throw error;
      });
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${Math.round(timeoutMs / 1000)} s` : causeOf(error);
      throw new CentralFailure('offline', `The centre cannot be reached (${reason})`);
    }
    if (response.ok) return body;
    const said = centralError.safeParse(body);
    const message = said.success ? said.data.error : `HTTP ${response.status}`;
    if (response.status === 401) throw new CentralFailure('unauthorised', `The centre does not accept this counter's token: ${message}`, 401);
    if (response.status >= 500 || response.status === 429) throw new CentralFailure('busy', `The centre is busy or failing (${message})`, response.status);
    throw new CentralFailure('refused', message, response.status, said.success ? said.data.field : undefined);
  }

  function parsed<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { message: string } } }, body: unknown, what: string): T {
    const result = schema.safeParse(body);
    // A malformed answer is the centre's fault and tells nothing: try again later.
    if (!result.success) throw new CentralFailure('busy', `The centre's answer to ${what} is malformed`);
    return result.data;
  }

  return {
    async register(request: { enrolmentCode: string; terminalCode: string; branchName: string }) {
      return parsed(registerResponse, await send('/v1/terminals', { method: 'POST', body: JSON.stringify(request), auth: false }), 'registration');
    },
    /** `body` is the push request already as JSON (see push-body.ts). */
    async push(body: string): Promise<PushResponse> {
      return parsed(pushResponse, await send('/v1/postings', { method: 'POST', body, auth: true }), 'a batch of postings');
    },
    async pull(after: string, limit: number): Promise<PullResponse> {
      const query = new URLSearchParams({ after, limit: String(limit) });
      return parsed(pullResponse, await send(`/v1/changes?${query}`, { method: 'GET', auth: true }), 'a request for changes');
    },
  };
}

function causeOf(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
