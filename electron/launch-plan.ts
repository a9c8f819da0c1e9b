import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MAX_PUSH_BATCH } from '../core/sync/protocol.js';
import { counterSettingsSchema } from '../core/settings/settings.js';
import { resolveDataDir } from './config.js';

/**
 * Everything Electron's main process and browser mode decide from the
 * environment and their own location, kept out of the entry files so it can be
 * tested without Electron. Both bundles live in dist/electron/, next to
 * dist/renderer/ (in the repository and inside a packaged app's app.asar).
 */

export const PRODUCT_NAME = 'Counter';
export const DEFAULT_PORT = 4310;

export interface ElectronLaunchPlan {
  dataDir: string;
  demo: boolean;
  nativeBinding: string | undefined;
  printerAddress: string | undefined;
  central: CentralLink | undefined;
  rendererIndex: string;
  /** The file:// URL of rendererIndex: the only page a window may show and the only IPC sender served. */
  appUrl: string;
  preloadPath: string;
  autoUpdate: boolean;
}

export interface BrowserModePlan {
  dataDir: string;
  port: number;
  demo: boolean;
  printerAddress: string | undefined;
  central: CentralLink | undefined;
  staticDir: string;
}

/** The central billing server this counter syncs with, and the code to register with it the first time. */
export interface CentralLink {
  url: string;
  enrolmentCode: string | null;
  /** Postings per push (COUNTER_SYNC_BATCH); the engine's default when unset. */
  batchSize?: number;
}

/**
 * Electron's user-data folder for "Counter" under app.getPath('appData'), set
 * explicitly because an unpackaged run is named after package.json's
 * lowercase "counter"; browser mode's platformDataDir() gives the same folder.
 */
export function userDataDir(appDataDir: string): string {
  return join(appDataDir, PRODUCT_NAME);
}

export function planElectronLaunch(input: {
  env: NodeJS.ProcessEnv;
  userDataDir: string;
  bundleDir: string;
  isPackaged: boolean;
  exists?: (path: string) => boolean;
}): ElectronLaunchPlan {
  const { env, bundleDir } = input;
  const exists = input.exists ?? existsSync;
  const nativeBinding = nonEmpty(env.COUNTER_NATIVE_BINDING);
  if (nativeBinding !== undefined && !exists(nativeBinding)) {
    throw new Error(`COUNTER_NATIVE_BINDING points to ${nativeBinding}, which does not exist (it should be better_sqlite3.node built for this Electron)`);
  }
  const rendererIndex = join(bundleDir, '..', 'renderer', 'index.html');
  return {
    dataDir: resolve(resolveDataDir(env, input.userDataDir)),
    demo: envFlag(env, 'COUNTER_DEMO', true),
    nativeBinding: nativeBinding === undefined ? undefined : resolve(nativeBinding),
    printerAddress: printerAddress(env),
    central: centralLink(env, envFlag(env, 'COUNTER_DEMO', true)),
    rendererIndex,
    appUrl: pathToFileURL(rendererIndex).href,
    preloadPath: join(bundleDir, 'preload.cjs'),
    autoUpdate: input.isPackaged && envFlag(env, 'COUNTER_AUTO_UPDATE', true),
  };
}

export function planBrowserMode(input: { env: NodeJS.ProcessEnv; platformDataDir: string; bundleDir: string }): BrowserModePlan {
  const { env } = input;
  return {
    dataDir: resolve(resolveDataDir(env, input.platformDataDir)),
    port: portFrom(env),
    demo: envFlag(env, 'COUNTER_DEMO', true),
    printerAddress: printerAddress(env),
    central: centralLink(env, envFlag(env, 'COUNTER_DEMO', true)),
    staticDir: join(input.bundleDir, '..', 'renderer'),
  };
}

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off']);

/** An on/off switch; unset means the default, and a value that is neither is an error rather than a guess. */
export function envFlag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const value = nonEmpty(env[name])?.toLowerCase();
  if (value === undefined) return fallback;
  if (TRUE.has(value)) return true;
  if (FALSE.has(value)) return false;
  throw new Error(`${name} must be 1 or 0 (also true/false, yes/no, on/off), not "${env[name]}"`);
}

/** COUNTER_PORT: 4310 by default, 0 for any free port. */
export function portFrom(env: NodeJS.ProcessEnv): number {
  const value = nonEmpty(env.COUNTER_PORT);
  if (value === undefined) return DEFAULT_PORT;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(port >= 0 && port <= 65535)) throw new Error(`COUNTER_PORT must be a port number from 0 to 65535 (0 = any free port), not "${value}"`);
  return port;
}

/** COUNTER_PRINTER, checked by the same rule the printer setting uses, so a bad value stops the start instead of being stored. */
export function printerAddress(env: NodeJS.ProcessEnv): string | undefined {
  const value = nonEmpty(env.COUNTER_PRINTER);
  if (value === undefined) return undefined;
  const checked = counterSettingsSchema.shape.printer.shape.address.safeParse(value);
  if (!checked.success) throw new Error(`COUNTER_PRINTER="${value}": ${checked.error.issues[0]?.message ?? 'not a printer address'}`);
  return checked.data;
}

/**
 * COUNTER_CENTRAL_URL (http or https) turns sync on; COUNTER_ENROLMENT_CODE
 * registers the counter on first contact. In demo mode the reference
 * server's demo code is assumed, so the URL alone connects a demo counter.
 */
export const DEMO_ENROLMENT_CODE = 'DEMO-ENROL';

export function centralLink(env: NodeJS.ProcessEnv, demo: boolean): CentralLink | undefined {
  const url = nonEmpty(env.COUNTER_CENTRAL_URL);
  if (url === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`COUNTER_CENTRAL_URL must be a URL like http://127.0.0.1:4320, not "${url}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`COUNTER_CENTRAL_URL must start with http:// or https://, not "${url}"`);
  const link: CentralLink = { url: parsed.href.replace(/\/+$/, ''), enrolmentCode: nonEmpty(env.COUNTER_ENROLMENT_CODE) ?? (demo ? DEMO_ENROLMENT_CODE : null) };
  const batch = nonEmpty(env.COUNTER_SYNC_BATCH);
  if (batch !== undefined) {
    const size = /^\d{1,4}$/.test(batch) ? Number(batch) : NaN;
    if (!(size >= 1 && size <= MAX_PUSH_BATCH)) throw new Error(`COUNTER_SYNC_BATCH must be a number of postings from 1 to ${MAX_PUSH_BATCH}, not "${batch}"`);
    link.batchSize = size;
  }
  return link;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
