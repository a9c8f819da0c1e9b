import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { platformDataDir } from './config.js';
import { centralLink, DEFAULT_PORT, envFlag, planBrowserMode, planElectronLaunch, portFrom, printerAddress, userDataDir } from './launch-plan.js';

const BUNDLE_DIR = join('/opt', 'Counter', 'resources', 'app.asar', 'dist', 'electron');
const USER_DATA = join('/home', 'jane', '.config', 'Counter');

function electronPlan(env: NodeJS.ProcessEnv, isPackaged = false, exists = (_: string) => true) {
  return planElectronLaunch({ env, userDataDir: USER_DATA, bundleDir: BUNDLE_DIR, isPackaged, exists });
}

describe('planElectronLaunch', () => {
  it('keeps the database in the user-data folder, with demo data, no printer and no native override by default', () => {
    const plan = electronPlan({});
    expect(plan.dataDir).toBe(resolve(USER_DATA));
    expect(plan.demo).toBe(true);
    expect(plan.printerAddress).toBeUndefined();
    expect(plan.nativeBinding).toBeUndefined();
  });

  it('loads the renderer and the preload from next to the main bundle', () => {
    const plan = electronPlan({});
    const index = join(BUNDLE_DIR, '..', 'renderer', 'index.html');
    expect(plan.rendererIndex).toBe(index);
    expect(plan.appUrl).toBe(pathToFileURL(index).href);
    expect(plan.appUrl).toMatch(/^file:\/\/.*\/dist\/renderer\/index\.html$/);
    expect(plan.preloadPath).toBe(join(BUNDLE_DIR, 'preload.cjs'));
  });

  it('lets COUNTER_DATA_DIR move the database', () => {
    expect(electronPlan({ COUNTER_DATA_DIR: '/srv/counter' }).dataDir).toBe(resolve('/srv/counter'));
  });

  it('turns demo data off with COUNTER_DEMO=0', () => {
    expect(electronPlan({ COUNTER_DEMO: '0' }).demo).toBe(false);
  });

  it('uses the Electron build of better-sqlite3 named by COUNTER_NATIVE_BINDING', () => {
    const binding = '/work/.electron-native/45.4.1/node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(electronPlan({ COUNTER_NATIVE_BINDING: binding }).nativeBinding).toBe(resolve(binding));
  });

  it('refuses a COUNTER_NATIVE_BINDING that does not exist, naming it', () => {
    expect(() => electronPlan({ COUNTER_NATIVE_BINDING: '/nowhere/better_sqlite3.node' }, false, () => false)).toThrow('/nowhere/better_sqlite3.node');
  });

  it('checks for updates only in a packaged app, unless COUNTER_AUTO_UPDATE=0', () => {
    expect(electronPlan({}, false).autoUpdate).toBe(false);
    expect(electronPlan({}, true).autoUpdate).toBe(true);
    expect(electronPlan({ COUNTER_AUTO_UPDATE: '0' }, true).autoUpdate).toBe(false);
  });
});

describe('userDataDir', () => {
  it('is the same folder browser mode uses, so both modes share one database', () => {
    expect(userDataDir(join('/home', 'jane', '.config'))).toBe(platformDataDir('linux', {}, join('/home', 'jane')));
    expect(userDataDir('C:\\Users\\jane\\AppData\\Roaming')).toBe(platformDataDir('win32', { APPDATA: 'C:\\Users\\jane\\AppData\\Roaming' }, 'C:\\Users\\jane'));
  });
});

describe('planBrowserMode', () => {
  const base = { platformDataDir: USER_DATA, bundleDir: join('/work', 'main', 'dist', 'electron') };

  it('serves dist/renderer on port 4310 with demo data by default', () => {
    const plan = planBrowserMode({ ...base, env: {} });
    expect(plan).toEqual({ dataDir: resolve(USER_DATA), port: DEFAULT_PORT, demo: true, printerAddress: undefined, staticDir: join('/work', 'main', 'dist', 'renderer') });
    expect(DEFAULT_PORT).toBe(4310);
  });

  it('takes the data folder, port, demo switch and printer from the environment', () => {
    const plan = planBrowserMode({ ...base, env: { COUNTER_DATA_DIR: '/tmp/c', COUNTER_PORT: '0', COUNTER_DEMO: 'off', COUNTER_PRINTER: 'tcp://192.168.1.50:9100' } });
    expect(plan).toMatchObject({ dataDir: resolve('/tmp/c'), port: 0, demo: false, printerAddress: 'tcp://192.168.1.50:9100' });
  });
});

describe('portFrom', () => {
  it('accepts 0 (any free port) up to 65535', () => {
    expect(portFrom({ COUNTER_PORT: '0' })).toBe(0);
    expect(portFrom({ COUNTER_PORT: '65535' })).toBe(65535);
    expect(portFrom({ COUNTER_PORT: ' ' })).toBe(DEFAULT_PORT);
  });

  it.each(['65536', '-1', '80.5', 'http', '1e3'])('refuses COUNTER_PORT=%s with a message naming it', (value) => {
    expect(() => portFrom({ COUNTER_PORT: value })).toThrow(/COUNTER_PORT/);
  });
});

describe('envFlag', () => {
  it('reads 1/0, true/false, yes/no and on/off, and falls back when unset', () => {
    for (const on of ['1', 'true', 'YES', 'on']) expect(envFlag({ X: on }, 'X', false)).toBe(true);
    for (const off of ['0', 'false', 'No', 'off']) expect(envFlag({ X: off }, 'X', true)).toBe(false);
    expect(envFlag({}, 'X', true)).toBe(true);
    expect(envFlag({ X: '' }, 'X', false)).toBe(false);
  });

  it('refuses a value that is neither on nor off rather than guessing', () => {
    expect(() => envFlag({ COUNTER_DEMO: 'maybe' }, 'COUNTER_DEMO', true)).toThrow(/COUNTER_DEMO.*maybe/);
  });
});

describe('printerAddress', () => {
  it('accepts tcp://host:port', () => {
    expect(printerAddress({ COUNTER_PRINTER: ' tcp://printer.local:9100 ' })).toBe('tcp://printer.local:9100');
    expect(printerAddress({})).toBeUndefined();
  });

  it.each(['192.168.1.50:9100', 'tcp://192.168.1.50', 'usb://epson', 'tcp://host:9100/extra'])('refuses COUNTER_PRINTER=%s by the printer setting rule', (value) => {
    expect(() => printerAddress({ COUNTER_PRINTER: value })).toThrow(/COUNTER_PRINTER.*tcp:\/\/192\.168\.1\.50:9100/);
  });
});

describe('centralLink', () => {
  it('leaves sync off without COUNTER_CENTRAL_URL', () => {
    expect(centralLink({}, true)).toBeUndefined();
  });

  it('connects a demo counter with the URL alone, using the reference server demo code', () => {
    expect(centralLink({ COUNTER_CENTRAL_URL: 'http://127.0.0.1:4320/' }, true)).toEqual({ url: 'http://127.0.0.1:4320', enrolmentCode: 'DEMO-ENROL' });
  });

  it('needs the enrolment code the centre issued outside demo mode', () => {
    expect(centralLink({ COUNTER_CENTRAL_URL: 'https://billing.example.com' }, false)).toEqual({ url: 'https://billing.example.com', enrolmentCode: null });
    expect(centralLink({ COUNTER_CENTRAL_URL: 'https://billing.example.com', COUNTER_ENROLMENT_CODE: ' K7-22 ' }, false)).toEqual({ url: 'https://billing.example.com', enrolmentCode: 'K7-22' });
  });

  it('takes the push batch size from COUNTER_SYNC_BATCH, within what the centre accepts', () => {
    expect(centralLink({ COUNTER_CENTRAL_URL: 'http://127.0.0.1:4320', COUNTER_SYNC_BATCH: '200' }, true)?.batchSize).toBe(200);
    expect(() => centralLink({ COUNTER_CENTRAL_URL: 'http://127.0.0.1:4320', COUNTER_SYNC_BATCH: '5000' }, true)).toThrow(/COUNTER_SYNC_BATCH must be a number of postings from 1 to 1000/);
    expect(() => centralLink({ COUNTER_CENTRAL_URL: 'http://127.0.0.1:4320', COUNTER_SYNC_BATCH: 'lots' }, true)).toThrow(/COUNTER_SYNC_BATCH/);
  });

  it('refuses a URL that is not http or https, naming the setting', () => {
    expect(() => centralLink({ COUNTER_CENTRAL_URL: 'billing.example.com' }, true)).toThrow(/COUNTER_CENTRAL_URL must be a URL/);
    expect(() => centralLink({ COUNTER_CENTRAL_URL: 'ftp://billing.example.com' }, true)).toThrow(/COUNTER_CENTRAL_URL must start with http/);
  });
});
