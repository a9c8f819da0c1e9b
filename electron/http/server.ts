import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Dispatch } from '../../core/api/dispatch.js';
import type { ErrorCode } from '../../core/api/errors.js';
import { CONTENT_SECURITY_POLICY } from '../security.js';

export interface HttpServerOptions {
  dispatch: Dispatch;
  staticDir: string;
  port: number;
  host?: '127.0.0.1';
}

const MAX_BODY_BYTES = 1024 * 1024;
const STATUS: Record<ErrorCode, number> = { VALIDATION: 422, NOT_FOUND: 404, CONFLICT: 409, FORBIDDEN: 403, UNAUTHENTICATED: 401, UNAVAILABLE: 503, INTERNAL: 500 };
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.json': 'application/json' };

/**
 * Browser mode: the same dispatcher Electron's IPC uses, behind POST
 * /api/<call> on loopback, plus the built renderer. It answers only requests
 * addressed to its own loopback host (a DNS-rebinding page cannot reach it)
 * and refuses cross-origin posts.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<{ url: string; close(): Promise<void> }> {
  const host = options.host ?? '127.0.0.1';
  const root = resolve(options.staticDir);
  let origin = '';

  const server = createServer((request, response) => {
    const hostHeader = request.headers.host ?? '';
    const port = (server.address() as AddressInfo).port;
    if (hostHeader !== `${host}:${port}` && hostHeader !== `localhost:${port}`) return send(response, 421, 'text/plain', 'Misdirected request');
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname.startsWith('/api/')) return void handleCall(request, response, url.pathname.slice(5));
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain', 'Method not allowed');
    serveStatic(root, url.pathname, response);
  });

  async function handleCall(request: IncomingMessage, response: ServerResponse, name: string) {
    if (request.method !== 'POST') return send(response, 405, 'text/plain', 'Calls are POST');
    const requestOrigin = request.headers.origin;
    if (requestOrigin && requestOrigin !== origin && requestOrigin !== origin.replace(host, 'localhost')) return send(response, 403, 'text/plain', 'Cross-origin calls are refused');
    let input: unknown;
    try {
      const body = await readBody(request);
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch (error) {
      const message = error instanceof BodyTooLarge ? 'The request is too large' : 'The request is not valid JSON';
      return sendJson(response, 400, { ok: false, error: { code: 'VALIDATION', message } });
    }
    const auth = request.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : null;
    const result = await options.dispatch(decodeURIComponent(name), input, token);
    sendJson(response, result.ok ? 200 : STATUS[result.error.code], result);
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolveListen());
  });
  origin = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

class BodyTooLarge extends Error {}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge());
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function serveStatic(root: string, pathname: string, response: ServerResponse) {
  const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  let file = join(root, relative);
  if (file !== root && !file.startsWith(root + sep)) return send(response, 404, 'text/plain', 'Not found');
  // Single-page app: anything that is not a file is the app itself.
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) return send(response, 503, 'text/plain', 'The app is not built: run npm run build');
  response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

function send(response: ServerResponse, status: number, type: string, body: string) {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  send(response, status, 'application/json', JSON.stringify(body));
}
