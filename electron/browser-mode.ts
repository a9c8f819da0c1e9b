import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dispatch } from '../core/api/dispatch.js';
import { openBackend, type Backend } from './backend.js';
import { platformDataDir } from './config.js';
import { startHttpServer } from './http/server.js';
import { envFlag, planBrowserMode, type BrowserModePlan } from './launch-plan.js';
import { createTestClock, withTestClock } from './test-clock.js';

/**
 * Counter without Electron: the same backend behind the loopback HTTP adapter,
 * serving the built renderer. Used where there is no Electron binary and by the
 * end-to-end tests. Run as dist/electron/browser-mode.mjs (node, no flags).
 *
 * stdout carries one line with the URL (scripts and tests read it) and one with
 * the data folder; everything else goes to stderr.
 */

// Stack traces in the log point at the TypeScript sources (the bundle has a .map next to it).
process.setSourceMapsEnabled(true);

const SHUTDOWN_GRACE_MS = 3000;
const REPEAT_SIGNAL_MS = 1000;

async function main(): Promise<void> {
  const plan = planOrExit();
  // Only a test counter (COUNTER_TEST_CLOCK=1) runs on a clock that tests move; any other runs on the real one.
  const testClock = envFlag(process.env, 'COUNTER_TEST_CLOCK', false) ? createTestClock() : null;
  // Listen first, so a busy port is reported before the data folder is touched.
  // No request is served before the backend is open: it opens synchronously
  // right after listen() resolves, before the event loop takes a connection.
  let backend: Backend | null = null;
  const toBackend: Dispatch = (name, input, token) => {
    if (!backend) return Promise.resolve({ ok: false, error: { code: 'UNAVAILABLE', message: 'Counter is still starting' } });
    return backend.dispatch(name, input, token);
  };
  const dispatch = testClock ? withTestClock(toBackend, testClock) : toBackend;

  let server: Awaited<ReturnType<typeof startHttpServer>>;
  try {
    server = await startHttpServer({ dispatch, staticDir: plan.staticDir, port: plan.port });
  } catch (error) {
    console.error(listenProblem(error, plan.port));
    process.exit(1);
  }
  try {
    backend = openBackend({
      dataDir: plan.dataDir,
      demo: plan.demo,
      printerAddress: plan.printerAddress,
      central: plan.central,
      ...(testClock ? { clock: testClock.now } : {}),
      log: (message) => console.error(`[counter] ${message}`),
    });
  } catch (error) {
    await server.close();
    throw error;
  }
  const opened = backend;

  console.log(`Counter is running in browser mode at ${server.url}`);
  console.log(`Data folder: ${plan.dataDir}${plan.demo ? ' (demo data)' : ''}`);
  if (testClock) console.error('[counter] test clock on: POST /api/_test/clock {"days": n} moves it forward');

  let stoppingSince = 0;
  const stop = (signal: NodeJS.Signals) => {
    if (stoppingSince > 0) {
      // Under npm start a Ctrl+C arrives twice (from the terminal and from the
      // parent passing it on); only a later one means "stop waiting".
      if (Date.now() - stoppingSince < REPEAT_SIGNAL_MS) return;
      void closeQuietly(opened);
      process.exit(130);
    }
    stoppingSince = Date.now();
    console.error(`[counter] ${signal}: closing`);
    const grace = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
    void Promise.race([server.close(), grace])
      // Checkpoints the WAL, so the data folder is one self-contained counter.sqlite.
      .then(() => Promise.race([closeQuietly(opened), grace]))
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function planOrExit(): BrowserModePlan {
  try {
    return planBrowserMode({ env: process.env, platformDataDir: platformDataDir(), bundleDir: dirname(fileURLToPath(import.meta.url)) });
  } catch (error) {
    console.error(`Counter cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

function listenProblem(error: unknown, port: number): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') return `Port ${port} is already in use (is Counter already running?). Set COUNTER_PORT to another port, or to 0 for any free port.`;
  if (code === 'EACCES') return `Port ${port} needs privileges this user does not have. Set COUNTER_PORT to a port above 1024, or to 0 for any free port.`;
  return `Counter could not listen on 127.0.0.1:${port}: ${error instanceof Error ? error.message : String(error)}`;
}

async function closeQuietly(backend: Backend): Promise<void> {
  try {
    await backend.close();
  } catch (error) {
    console.error(`[counter] closing the database failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

main().catch((error: unknown) => {
  console.error(`Counter could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
