import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startCentral } from './server.js';

/**
 * npx tsx central/bench.ts [--consumers 200000] [--bills 5] [--page 5000] [--url http://127.0.0.1:4320 --admin-key K]
 * A counter's first download, timed: bulk generation into a file database,
 * then every page pulled over HTTP by a client that only parses the JSON.
 * With --url it runs against a centre started by `npm run central` (its own
 * process, as a counter sees it); without, it starts one in this process.
 */
const { values } = parseArgs({
  options: {
    consumers: { type: 'string', default: '200000' },
    bills: { type: 'string', default: '5' },
    page: { type: 'string', default: '5000' },
    url: { type: 'string' },
    'admin-key': { type: 'string' },
  },
});

const dataDir = values.url ? undefined : mkdtempSync(join(tmpdir(), 'central-bench-'));
const central = dataDir ? await startCentral({ dataDir }) : undefined;
const url = central?.url ?? values.url!;
const adminKey = central?.adminKey ?? values['admin-key'] ?? 'DEMO-ADMIN';
const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
  const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return response.json();
};

try {
  const made = (await post('/_admin/bulk', { consumers: Number(values.consumers), billsPerConsumer: Number(values.bills) }, { 'x-admin-key': adminKey })) as { consumers: number; bills: number; milliseconds: number };
  console.log(`bulk generation: ${made.consumers} consumers, ${made.bills} bills in ${made.milliseconds} ms`);

  const { token } = (await post('/v1/terminals', { enrolmentCode: central?.enrolmentCodes[0] ?? 'DEMO-ENROL', terminalCode: 'BENCH', branchName: 'Bench' })) as { token: string };
  const started = performance.now();
  let cursor = '';
  let changes = 0;
  let bytes = 0;
  for (let more = true; more; ) {
    const response = await fetch(`${url}/v1/changes?after=${cursor}&limit=${values.page}`, { headers: { authorization: `Bearer ${token}` } });
    const text = await response.text();
    bytes += text.length;
    const page = JSON.parse(text) as { changes: unknown[]; next: string; more: boolean };
    changes += page.changes.length;
    ({ next: cursor, more } = page);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`pull: ${changes} changes, ${(bytes / 1e6).toFixed(0)} MB in ${seconds.toFixed(1)} s (${Math.round(changes / seconds)} changes/s)`);
} finally {
  await central?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
