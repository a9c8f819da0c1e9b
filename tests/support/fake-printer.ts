import { EventEmitter } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';

/**
 * A network receipt printer on loopback for tests.
 *   accept              reads every byte, closes when the sender does, keeps one job per connection
 *   refuse-after-close  listens only to learn a free port, then stops: connecting is refused
 *   hang                accepts but never reads or closes, like a jammed printer
 */
export type FakePrinterMode = 'accept' | 'refuse-after-close' | 'hang';

export interface FakePrinter {
  /** tcp://127.0.0.1:port, as the counter's printer setting spells it. */
  address: string;
  port: number;
  /** What each finished connection sent, in order. */
  jobs: Buffer[];
  waitForJobs(n: number, timeoutMs?: number): Promise<Buffer[]>;
  close(): Promise<void>;
}

export async function startFakePrinter(options: { port?: number; mode?: FakePrinterMode } = {}): Promise<FakePrinter> {
  const mode = options.mode ?? 'accept';
  const jobs: Buffer[] = [];
  const sockets = new Set<Socket>();
  const received = new EventEmitter();

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    if (mode === 'hang') {
      socket.pause();
      return;
    }
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('close', () => {
      jobs.push(Buffer.concat(chunks));
      received.emit('job');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as { port: number };
  if (mode === 'refuse-after-close') await stop(server, sockets);

  return {
    address: `tcp://127.0.0.1:${port}`,
    port,
    jobs,
    waitForJobs: (n, timeoutMs = 2000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (jobs.length < n) return;
          clearTimeout(timer);
          received.off('job', check);
          resolve(jobs.slice(0, n));
        };
        const timer = setTimeout(() => {
          received.off('job', check);
          reject(new Error(`The fake printer got ${jobs.length} of ${n} jobs within ${timeoutMs} ms`));
        }, timeoutMs);
        received.on('job', check);
        check();
      }),
    close: () => (server.listening ? stop(server, sockets) : Promise.resolve()),
  };
}

function stop(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
