#!/usr/bin/env node
// `npm start` after the build: the Electron window when this machine can run
// Electron, otherwise the same app in browser mode on loopback, said in one line.
//
//   COUNTER_MODE=browser   skip Electron entirely
//   COUNTER_MODE=electron  Electron or an error, never the fallback
//   COUNTER_DEBUG=1        show the output of the download and native build steps
//
// Electron needs better-sqlite3 built for its own ABI, not Node's. That build
// is kept in .electron-native/<electron version>/ (a copy of the package with
// a prebuilt binary from prebuild-install, or compiled by node-gyp against
// Electron's headers) and handed to the app as COUNTER_NATIVE_BINDING, so the
// Node build in node_modules keeps working for the tests and browser mode.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'package.json'));
const mode = (process.env.COUNTER_MODE ?? 'auto').trim().toLowerCase();
const debug = process.env.COUNTER_DEBUG === '1';
const DOWNLOAD_TIMEOUT_MS = 10 * 60 * 1000;
const NATIVE_TIMEOUT_MS = 10 * 60 * 1000;

if (!['auto', 'browser', 'electron'].includes(mode)) fail(`COUNTER_MODE must be auto, browser or electron, not "${process.env.COUNTER_MODE}"`);
for (const file of ['dist/electron/browser-mode.mjs', 'dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html']) {
  if (!existsSync(join(root, file))) fail(`${file} is missing: run npm run build first (npm start does both)`);
}

if (mode === 'browser') {
  runBrowserMode();
} else {
  const electron = await prepareElectron();
  if (electron.ok) {
    runChild(electron.binary, [root], { ...cleanEnv(), COUNTER_NATIVE_BINDING: electron.binding });
  } else if (mode === 'electron') {
    fail(`${electron.reason}; COUNTER_MODE=electron, so not falling back to browser mode.`);
  } else {
    console.log(`${electron.reason}; serving Counter in browser mode instead.`);
    runBrowserMode();
  }
}

function runBrowserMode() {
  runChild(process.execPath, [join(root, 'dist', 'electron', 'browser-mode.mjs')], cleanEnv());
}

/** { ok: true, binary, binding } or { ok: false, reason } in words a user can act on. */
async function prepareElectron() {
  let electronDir;
  try {
    electronDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: 'The electron package is not installed (run npm install)' };
  }
  const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
  // A Linux machine without a display cannot show a window: no point downloading Electron for it.
  const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  let binary = electronBinary(electronDir);
  if (!binary && noDisplay) return { ok: false, reason: 'No Electron binary here, and no display to open a window on' };
  if (!binary) {
    const problem = await downloadElectron(electronDir, version);
    binary = electronBinary(electronDir);
    if (!binary) return { ok: false, reason: `No Electron binary here (it could not be downloaded${problem ? `: ${problem}` : ''})` };
  }
  if (noDisplay) return { ok: false, reason: 'No display here ($DISPLAY and $WAYLAND_DISPLAY are unset)' };
  try {
    return { ok: true, binary, binding: await electronSqlite(binary, version) };
  } catch (error) {
    return { ok: false, reason: `better-sqlite3 could not be prepared for Electron ${version} (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** The executable the electron package would run, if it is on disk (path.txt names it inside dist/). */
function electronBinary(electronDir) {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relativePath = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist');
  const binary = join(distDir, relativePath);
  return existsSync(binary) ? binary : null;
}

/** Runs the electron package's own installer once; returns a short reason when it fails. */
async function downloadElectron(electronDir, version) {
  const slow = setTimeout(() => console.log(`Downloading Electron ${version} (first start only)…`), 3000);
  const result = await run(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, timeout: DOWNLOAD_TIMEOUT_MS });
  clearTimeout(slow);
  if (result.code === 0) return null;
  return result.timedOut ? 'timed out' : explain(result.output, /^\w*Error: [^\n]*/m, /(ENOTFOUND|ECONNREFUSED|ETIMEDOUT|fetch failed)[^\n]*/);
}

/** The path of better_sqlite3.node for this Electron: reused when recorded, otherwise fetched or compiled, then checked by loading it in Electron. */
async function electronSqlite(binary, version) {
  const base = join(root, '.electron-native', version);
  const packageDir = join(base, 'node_modules', 'better-sqlite3');
  const binding = join(packageDir, 'build', 'Release', 'better_sqlite3.node');
  const stamp = join(base, 'built.json');
  const want = { electron: version, platform: process.platform, arch: process.arch, betterSqlite3: require('better-sqlite3/package.json').version };
  if (existsSync(binding) && existsSync(stamp) && sameStamp(readFileSync(stamp, 'utf8'), want)) return binding;

  console.log(`Preparing better-sqlite3 for Electron ${version} (first start only)…`);
  rmSync(base, { recursive: true, force: true });
  mkdirSync(dirname(packageDir), { recursive: true });
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  // The copy leaves out build/, which holds the Node build.
  cpSync(source, packageDir, { recursive: true, filter: (path) => path !== join(source, 'build') });

  const env = nativeBuildEnv();
  const bin = (name) => join(root, 'node_modules', name);
  const prebuilt = await run(process.execPath, [bin('prebuild-install/bin.js'), '--runtime', 'electron', '--target', version, '--arch', process.arch, '--platform', process.platform], { cwd: packageDir, env, timeout: NATIVE_TIMEOUT_MS });
  if (prebuilt.code !== 0 || !existsSync(binding)) {
    const compiled = await run(process.execPath, [bin('node-gyp/bin/node-gyp.js'), 'rebuild', '--release', `--target=${version}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'], { cwd: packageDir, env, timeout: NATIVE_TIMEOUT_MS });
    if (compiled.code !== 0 || !existsSync(binding)) {
      const offline = /network connectivity|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN/.test(compiled.output);
      const why = offline ? "Electron's headers could not be downloaded" : explain(compiled.output, /gyp ERR! stack Error: ([^\n]*)/, /gyp ERR! ([^\n]*)/);
      throw new Error(`no prebuilt binary, and compiling failed: ${why ?? 'run with COUNTER_DEBUG=1 to see why'}`);
    }
  }
  // A binary built against the wrong headers can look fine on disk; only loading it in Electron tells.
  const probe = `const D = require(${JSON.stringify(require.resolve('better-sqlite3'))}); new D(':memory:', { nativeBinding: ${JSON.stringify(binding)} }).prepare('select 1').get();`;
  const check = await run(binary, ['-e', probe], { env: { ...cleanEnv(), ELECTRON_RUN_AS_NODE: '1' }, timeout: 60_000 });
  if (check.code !== 0) throw new Error(`the built binary does not load in Electron: ${explain(check.output, /^\w*Error: [^\n]*/m) ?? `exit ${check.code}`}`);
  writeFileSync(stamp, `${JSON.stringify(want, null, 2)}\n`);
  return binding;
}

function sameStamp(text, want) {
  try {
    const have = JSON.parse(text);
    return Object.entries(want).every(([key, value]) => have[key] === value);
  } catch {
    return false;
  }
}

/** npm passes its config as npm_config_*; a nodedir or target meant for Node would build against Node's headers. */
function nativeBuildEnv() {
  const env = cleanEnv();
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|target_arch|arch|platform|runtime|disturl|dist_url|build_from_source|devdir)$/i.test(key)) delete env[key];
  }
  return env;
}

function cleanEnv() {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
}

/** Runs a command to completion, collecting its output (shown live with COUNTER_DEBUG=1). */
function run(command, args, { cwd = root, env = cleanEnv(), timeout }) {
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const collect = (chunk) => {
      output += chunk;
      if (debug) process.stderr.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, timeout);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: -1, output: `${output}\n${error.message}`, timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, output, timedOut });
    });
  });
}

/** Runs the app in the foreground: output goes straight through, signals are passed on, its exit code is ours. */
function runChild(command, args, env) {
  const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    // Ctrl+C in a terminal reaches the child too; the child treats a repeat within a moment as the same request.
    process.on(signal, () => child.kill(signal));
  }
  child.on('error', (error) => fail(`could not start ${command}: ${error.message}`));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** A short reason from a tool's output: the first line matching the first pattern that matches, else its last line. */
function explain(output, ...patterns) {
  for (const pattern of patterns) {
    const match = output.match(pattern);
    if (match) return (match[1] ?? match[0]).trim().slice(0, 160);
  }
  const last = output.trim().split('\n').at(-1);
  return last ? last.trim().slice(0, 160) : null;
}

function fail(message) {
  console.error(message);
  process.exit(1);
}
