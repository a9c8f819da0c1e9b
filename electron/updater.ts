/**
 * Updates for the packaged app through electron-updater (the feed is the
 * `publish` entry of electron-builder.yml, baked into app-update.yml). A branch
 * is often offline for a day: a failed check is logged and retried later, and
 * never reaches the cashier or stops the app.
 */

const RECHECK_MS = 6 * 60 * 60 * 1000;

export interface UpdaterLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export function startAutoUpdates(log: UpdaterLog): void {
  void checkForUpdates(log).then((ok) => {
    if (!ok) return;
    // unref: a pending re-check must not keep a quitting app alive.
    setInterval(() => void checkForUpdates(log), RECHECK_MS).unref();
  });
}

/** True when the updater could be loaded at all (even if this check failed). */
async function checkForUpdates(log: UpdaterLog): Promise<boolean> {
  let autoUpdater: (typeof import('electron-updater'))['autoUpdater'];
  try {
    // Loaded lazily so that an unpackaged run never touches it.
    const module = await import('electron-updater');
    autoUpdater = module.autoUpdater ?? (module as unknown as { default: typeof module }).default.autoUpdater;
  } catch (error) {
    log.error(`updates are off: electron-updater could not be loaded (${describe(error)})`);
    return false;
  }
  if (autoUpdater.listenerCount('error') === 0) {
    autoUpdater.logger = log;
    // An EventEmitter 'error' without a listener would throw in the main process.
    autoUpdater.on('error', (error: unknown) => log.warn(`update check failed: ${describe(error)}`));
  }
  try {
    await autoUpdater.checkForUpdatesAndNotify();
  } catch (error) {
    log.warn(`update check failed (offline?): ${describe(error)}`);
  }
  return true;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
