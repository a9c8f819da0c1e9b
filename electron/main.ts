import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, safeStorage, session, type Event as ElectronEvent, type WebContents } from 'electron';
import { openBackend, type Backend } from './backend.js';
import { bindContractToIpc } from './ipc.js';
import { planElectronLaunch, userDataDir, type ElectronLaunchPlan } from './launch-plan.js';
import { CONTENT_SECURITY_POLICY, isAllowedNavigation, isTrustedSender, secureWebPreferences } from './security.js';
import { encryptedTokenVault } from './sync/token-vault.js';
import { startAutoUpdates } from './updater.js';

/**
 * Electron's entry: a thin shell around the backend. What can be decided
 * without Electron (paths, switches) is in launch-plan.ts; the security rules
 * are in security.ts; the IPC registrar is in ipc.ts.
 */

const log = {
  info: (message: string) => console.log(`[counter] ${message}`),
  warn: (message: string) => console.warn(`[counter] ${message}`),
  error: (message: string) => console.error(`[counter] ${message}`),
};

// Stack traces in the log point at the TypeScript sources (main.cjs.map sits next to the bundle in development).
process.setSourceMapsEnabled(true);

// Set before anything reads it (the single-instance lock lives there): an
// unpackaged run would otherwise be named after package.json's "counter".
app.setPath('userData', userDataDir(app.getPath('appData')));
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another Counter owns this data folder: it is told (second-instance) and focuses its window.
  app.quit();
} else {
  const plan = planOrExit();
  if (plan) start(plan);
}

function planOrExit(): ElectronLaunchPlan | null {
  try {
    // main.cjs is a CommonJS bundle, so __dirname is dist/electron (inside app.asar when packaged).
    return planElectronLaunch({ env: process.env, userDataDir: app.getPath('userData'), bundleDir: __dirname, isPackaged: app.isPackaged });
  } catch (error) {
    fail('Counter cannot start', error);
    return null;
  }
}

function start(plan: ElectronLaunchPlan): void {
  let backend: Backend | null = null;
  let unbindIpc: (() => void) | null = null;
  let mainWindow: BrowserWindow | null = null;

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, plan.appUrl));

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => app.quit());

  // Closed after the windows, so no call is in flight; close() checkpoints the WAL.
  app.on('will-quit', () => {
    unbindIpc?.();
    unbindIpc = null;
    // An unanswered batch left by quitting is sent again next start; the centre applies each key once.
    void backend?.close();
    backend = null;
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  app
    .whenReady()
    .then(() => {
      lockDownSession();
      backend = openBackend({
        dataDir: plan.dataDir,
        demo: plan.demo,
        nativeBinding: plan.nativeBinding,
        printerAddress: plan.printerAddress,
        // The sync token is kept encrypted by the operating system's keychain where it has one.
        central: plan.central && { ...plan.central, vault: encryptedTokenVault(join(plan.dataDir, 'sync-token.enc'), safeStorage, join(plan.dataDir, 'sync-token')) },
        log: log.info,
      });
      unbindIpc = bindContractToIpc(ipcMain, backend.dispatch, (senderUrl) => isTrustedSender(senderUrl, plan.appUrl), log.warn);
      log.info(`data folder ${plan.dataDir}${plan.demo ? ' (demo data)' : ''}`);
      mainWindow = createWindow(plan);
      mainWindow.on('closed', () => {
        mainWindow = null;
      });
      if (plan.autoUpdate) startAutoUpdates(log);
    })
    .catch((error: unknown) => fail('Counter could not open its database', error));
}

function createWindow(plan: ElectronLaunchPlan): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Counter',
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(plan.preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.on('render-process-gone', (_event, details) => log.error(`the window's renderer stopped (${details.reason})`));
  window.loadURL(plan.appUrl).catch((error: unknown) => log.error(`could not load ${plan.appUrl}: ${describe(error)}`));
  return window;
}

/** No permission is ever granted, and the policy is also sent as a header where Electron lets us. */
function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // file:// pages get the policy from the meta tag the build writes into
  // index.html; this header covers any http(s) response as well.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

/** Every web contents, present and future: no navigation away from the app, no new windows, no webviews. */
function guardWebContents(contents: WebContents, appUrl: string): void {
  const refuse = (event: ElectronEvent<{ url: string }>) => {
    if (isAllowedNavigation(event.url, appUrl)) return;
    event.preventDefault();
    log.warn(`blocked navigation to ${event.url}`);
  };
  contents.on('will-navigate', refuse);
  contents.on('will-frame-navigate', refuse);
  contents.on('will-redirect', refuse);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    log.warn(`blocked a new window for ${url}`);
    return { action: 'deny' };
  });
}

function fail(title: string, error: unknown): void {
  log.error(`${title}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  dialog.showErrorBox(title, describe(error));
  app.exit(1);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
