import type { IncomingMessage, ServerResponse } from 'node:http';
import { centralError } from '../core/sync/protocol.js';
import { asProblem, CentralProblem } from './problem.js';

/** The largest body the centre reads: a full push batch is well under it. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/**
 * The request's JSON body. Past the limit the rest is read and thrown away,
 * so the client gets its 413 rather than a broken pipe while still sending.
 */
export async function readJson(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  if (size > limit) throw new CentralProblem(413, `The body is ${size} bytes; the centre takes at most ${limit}`);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new CentralProblem(400, 'The body is not JSON');
  }
}

/** An answer ready to send: the status and the JSON text. */
export interface Answer {
  status: number;
  json: string;
}

export const answer = (status: number, body: unknown): Answer => ({ status, json: JSON.stringify(body) });

export function problemAnswer(error: unknown): Answer {
  const problem = asProblem(error);
  if (problem.status >= 500) console.error('central:', error);
  return answer(problem.status, centralError.parse({ error: problem.message, field: problem.field }));
}

export function send(response: ServerResponse, reply: Answer): void {
  const body = Buffer.from(reply.json, 'utf8');
  response.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
  response.end(body);
}
