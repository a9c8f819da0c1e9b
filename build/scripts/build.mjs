#!/usr/bin/env node
// Builds everything `npm start`, the tests and electron-builder need:
//   dist/renderer/            the React UI (vite, config in vite.config.ts)
//   dist/electron/main.cjs    Electron's main process (esbuild, CommonJS)
//   dist/electron/preload.cjs the sandboxed preload (one CommonJS file, requires only 'electron')
//   dist/electron/browser-mode.mjs  the same backend over loopback HTTP, for plain Node
// Usage: node build/scripts/build.mjs [renderer] [electron]   (no argument: both)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const parts = new Set(process.argv.slice(2));
const wanted = (part) => parts.size === 0 || parts.has(part);
for (const part of parts) {
  if (part !== 'renderer' && part !== 'electron') fail(`unknown part "${part}" (use renderer, electron or nothing for both)`);
}

// Loaded at run time by the bundles, never bundled: native modules, packages
// that read their own files at run time (pdfkit's fonts), and Electron itself.
const EXTERNAL = ['electron', 'better-sqlite3', 'electron-updater', 'pdfkit'];
// Lower bounds of what runs the bundles: Node 20 (browser mode; Electron 45's
// Node is newer) and a Chromium well below Electron 45's.
const NODE_TARGET = 'node20';
const CHROME_TARGET = 'chrome130';

const started = performance.now();
try {
  await Promise.all([wanted('renderer') && buildRenderer(), wanted('electron') && buildElectron()]);
} catch (error) {
  // esbuild has already printed its diagnostics (logLevel), so its summary line is enough; vite's are in the message.
  const fromEsbuild = error && typeof error === 'object' && Array.isArray(error.errors) && Array.isArray(error.warnings);
  fail(fromEsbuild ? String(error.message).split('\n')[0] : error instanceof Error ? error.message : String(error));
}
console.log(`build: done in ${ms(started)}`);

async function buildRenderer() {
  const t = performance.now();
  if (!existsSync(join(root, 'renderer', 'index.html'))) fail('renderer/index.html is missing: there is no UI to build');
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  const out = join(root, 'dist', 'renderer');
  const files = walk(out);
  const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
  console.log(`build: ${rel(out)}/ (${files.length} files, ${kb(bytes)}) in ${ms(t)}`);
}

async function buildElectron() {
  const t = performance.now();
  const callNames = await contractCallNames();
  const common = { absWorkingDir: root, bundle: true, metafile: true, logLevel: 'warning', legalComments: 'none' };
  const node = { ...common, platform: 'node', target: NODE_TARGET, external: EXTERNAL, sourcemap: true };

  const results = await Promise.all([
    esbuild.build({
      ...node,
      entryPoints: ['electron/main.ts'],
      outfile: 'dist/electron/main.cjs',
      format: 'cjs',
      // A CommonJS bundle has no import.meta; code that asks for its own URL gets the bundle's.
      banner: { js: '"use strict";\nconst __counter_import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
      define: { 'import.meta.url': '__counter_import_meta_url' },
    }),
    esbuild.build({
      ...common,
      entryPoints: ['electron/preload.ts'],
      outfile: 'dist/electron/preload.cjs',
      // Sandboxed preloads are CommonJS with a require() that knows 'electron' and little else.
      platform: 'browser',
      format: 'cjs',
      target: CHROME_TARGET,
      external: ['electron'],
      define: { __COUNTER_CALL_NAMES__: JSON.stringify(callNames) },
    }),
    esbuild.build({
      ...node,
      entryPoints: ['electron/browser-mode.ts'],
      outfile: 'dist/electron/browser-mode.mjs',
      format: 'esm',
      // Bundled CommonJS dependencies (node-thermal-printer, iconv-lite, …) call
      // require() for Node's built-ins, and some code asks for __dirname.
      banner: {
        js: [
          "import { createRequire as __counterCreateRequire } from 'node:module';",
          "import { fileURLToPath as __counterFileURLToPath } from 'node:url';",
          "import { dirname as __counterDirname } from 'node:path';",
          'const require = __counterCreateRequire(import.meta.url);',
          'const __filename = __counterFileURLToPath(import.meta.url);',
          'const __dirname = __counterDirname(__filename);',
        ].join('\n'),
      },
    }),
  ]);

  checkPreload(join(root, 'dist', 'electron', 'preload.cjs'), callNames);
  for (const result of results) {
    for (const [file, output] of Object.entries(result.metafile.outputs)) {
      if (!file.endsWith('.map')) console.log(`build: ${file} (${kb(output.bytes)})`);
    }
  }
  console.log(`build: electron bundles in ${ms(t)} (preload exposes ${callNames.length} calls)`);
}

/** CALL_NAMES from core/api/contract.ts, read by bundling the contract in memory and importing it. */
async function contractCallNames() {
  const result = await esbuild.build({
    absWorkingDir: root,
    stdin: { contents: "export { CALL_NAMES } from './core/api/contract.ts';", resolveDir: root, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: NODE_TARGET,
    logLevel: 'warning',
  });
  const code = result.outputFiles[0].text;
  const { CALL_NAMES } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  if (!Array.isArray(CALL_NAMES) || CALL_NAMES.length === 0 || !CALL_NAMES.every((name) => typeof name === 'string')) {
    throw new Error('core/api/contract.ts did not give a list of call names');
  }
  return CALL_NAMES;
}

/** The preload must load in a sandbox: it may require nothing but 'electron', and it must carry every call. */
function checkPreload(file, callNames) {
  const code = readFileSync(file, 'utf8');
  const required = [...code.matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
  const foreign = required.filter((name) => name !== 'electron');
  if (foreign.length > 0) throw new Error(`${rel(file)} requires ${foreign.join(', ')}; a sandboxed preload can only require 'electron'`);
  const missing = callNames.filter((name) => !code.includes(JSON.stringify(name)));
  if (missing.length > 0) throw new Error(`${rel(file)} lacks the calls ${missing.join(', ')}`);
}

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

function rel(path) {
  return relative(root, path).split('\\').join('/');
}

function kb(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} kB`;
}

function ms(since) {
  return `${Math.round(performance.now() - since)} ms`;
}

function fail(message) {
  console.error(`build: ${message}`);
  process.exit(1);
}
