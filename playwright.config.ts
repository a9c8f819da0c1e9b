import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in Debian's Chromium against browser mode: the same
 * backend and renderer as Electron, served on loopback. Every run starts from
 * an empty data folder, so the demo data is fresh and the tests see one
 * database among them (they use different consumers).
 */
const PORT = 4399;
const dataDir = mkdtempSync(join(tmpdir(), 'counter-e2e-'));
/** A reference centre and a second counter synced with it, for the sync tests (tests/e2e/synced.ts). */
const CENTRE_PORT = 4398;
const SYNCED_PORT = 4397;
const centreDir = mkdtempSync(join(tmpdir(), 'centre-e2e-'));
const syncedDir = mkdtempSync(join(tmpdir(), 'counter-synced-e2e-'));
/**
 * A counter of its own for the tills spec (tests/e2e/tills.spec.ts): closing
 * the business day locks the terminal's whole day, which the other specs
 * still need to take payments on.
 */
const TILLS_PORT = 4396;
const tillsDir = mkdtempSync(join(tmpdir(), 'counter-tills-e2e-'));
/**
 * A counter of its own for the payment plans spec (tests/e2e/plans.spec.ts),
 * on a test clock the spec moves forward past due dates and grace
 * (electron/test-clock.ts), which would put the other specs' days out.
 */
const PLANS_PORT = 4395;
const plansDir = mkdtempSync(join(tmpdir(), 'counter-plans-e2e-'));

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    headless: true,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-dev-shm-usage'],
    },
  },
  webServer: [
    {
      command: 'node dist/electron/browser-mode.mjs',
      url: `http://127.0.0.1:${PORT}`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      stderr: 'pipe',
      env: { COUNTER_DATA_DIR: dataDir, COUNTER_PORT: String(PORT), COUNTER_DEMO: '1' },
    },
    {
      command: `node --import tsx central/main.ts --demo --port ${CENTRE_PORT} --data ${centreDir}`,
      url: `http://127.0.0.1:${CENTRE_PORT}/_admin/totals`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      command: 'node dist/electron/browser-mode.mjs',
      url: `http://127.0.0.1:${SYNCED_PORT}`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      stderr: 'pipe',
      env: { COUNTER_DATA_DIR: syncedDir, COUNTER_PORT: String(SYNCED_PORT), COUNTER_DEMO: '1', COUNTER_CENTRAL_URL: `http://127.0.0.1:${CENTRE_PORT}` },
    },
    {
      command: 'node dist/electron/browser-mode.mjs',
      url: `http://127.0.0.1:${TILLS_PORT}`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      stderr: 'pipe',
      env: { COUNTER_DATA_DIR: tillsDir, COUNTER_PORT: String(TILLS_PORT), COUNTER_DEMO: '1' },
    },
    {
      command: 'node dist/electron/browser-mode.mjs',
      url: `http://127.0.0.1:${PLANS_PORT}`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      stderr: 'pipe',
      env: { COUNTER_DATA_DIR: plansDir, COUNTER_PORT: String(PLANS_PORT), COUNTER_DEMO: '1', COUNTER_TEST_CLOCK: '1' },
    },
  ],
});
