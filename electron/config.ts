import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where Electron's app.getPath('userData') puts data for productName "Counter", so both modes share one database. */
export function platformDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Counter');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Counter');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Counter');
}

/** COUNTER_DATA_DIR wins over the platform's own place for user data. */
export function resolveDataDir(env: NodeJS.ProcessEnv, platformDefault: string): string {
  const override = env.COUNTER_DATA_DIR?.trim();
  return override ? override : platformDefault;
}
