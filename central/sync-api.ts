import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { MAX_PULL_PAGE, pushRequest, pushResponse, registerRequest, registerResponse } from '../core/sync/protocol.js';
import type { ChangeLog } from './changes.js';
import { answer, readJson, type Answer } from './http.js';
import type { PostingStore } from './postings.js';
import type { TerminalRegistry } from './terminals.js';

const pullQuery = z.object({
  after: z.string().regex(/^\d{0,15}$/, 'The cursor must be a number from a previous answer'),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_PAGE).default(1000),
});

/** The three calls of core/sync/CONTRACT.md; each parses with the protocol's schemas and answers with them. */
export function syncApi(parts: { terminals: TerminalRegistry; postings: PostingStore; changes: ChangeLog }) {
  return {
    async register(request: IncomingMessage): Promise<Answer> {
      const body = registerRequest.parse(await readJson(request));
      return answer(200, registerResponse.parse(parts.terminals.register(body)));
    },

    async push(request: IncomingMessage): Promise<Answer> {
      const terminalId = parts.terminals.authenticate(request.headers.authorization);
      const body = pushRequest.parse(await readJson(request));
      return answer(200, pushResponse.parse({ results: parts.postings.applyBatch(terminalId, body.postings) }));
    },

    /** With `repeat` the page is given but the cursor does not move (the duplicate-page fault). */
    pull(request: IncomingMessage, url: URL, repeat: boolean): Answer {
      const terminalId = parts.terminals.authenticate(request.headers.authorization);
      const query = pullQuery.parse({ after: url.searchParams.get('after') ?? '', limit: url.searchParams.get('limit') ?? undefined });
      // The page is JSON text straight from the change log: parsing a million rows only to send them again is the cost this avoids.
      const puller = { terminalId, branchName: parts.terminals.branchOf(terminalId) };
      return { status: 200, json: parts.changes.page(Number(query.after), query.limit, puller, repeat) };
    },
  };
}

export type SyncApi = ReturnType<typeof syncApi>;
