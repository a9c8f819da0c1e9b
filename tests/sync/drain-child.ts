import { openBackend } from '../../electron/backend.js';

/**
 * A counter process that only drains its outbox to the centre and exits:
 * the kill test runs it, kills it at random moments, and runs it again.
 * argv: data folder, centre URL, enrolment code.
 */
const [dataDir, url, enrolmentCode] = process.argv.slice(2);
if (!dataDir || !url || !enrolmentCode) throw new Error('usage: drain-child <dataDir> <centralUrl> <enrolmentCode>');

const backend = openBackend({ dataDir, demo: false, central: { url, enrolmentCode, batchSize: 5, idleMs: 3_600_000, timeoutMs: 5_000 } });
console.log('draining');
for (;;) {
  await backend.sync!.runNow();
  const counts = backend.store.outboxDelivery.counts();
  if (counts.pending === 0) break;
}
await backend.close();
console.log('drained');
