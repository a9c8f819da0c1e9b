import { deliveriesOf } from '../../core/sync/push-outcome.js';
import type { TillBatchCheck } from '../../core/sync/protocol.js';
import type { OutboxRow } from '../../db/repositories/outbox.js';
import type { Store } from '../../db/store.js';
import { CentralFailure, type CentralClient } from './central-client.js';
import { pushBody } from './push-body.js';

export interface PushOptions {
  batchSize: number;
  now: () => string;
  /** A closed till the centre counted: a mismatch goes to the branch manager. */
  onTillCheck?: (check: TillBatchCheck) => void;
  /** Told after every batch, for a progress bar. */
  onBatch?: (sent: number) => void;
}

export interface PushReport {
  sent: number;
  parked: number;
}

/**
 * Sends the outbox in order, batch by batch, until nothing that may go is
 * left. Each answer is stored in one transaction. A batch without an answer
 * is sent again later as it was (the centre applies each key once), so this
 * throws the CentralFailure and leaves back-off to the caller.
 */
export async function pushOutbox(store: Store, client: CentralClient, options: PushOptions): Promise<PushReport> {
  const report: PushReport = { sent: 0, parked: 0 };
  for (;;) {
    const batch = store.outboxDelivery.ready(options.batchSize);
    if (batch.length === 0) return report;
    const progress = await sendBatch(store, client, batch, options);
    report.sent += progress.sent;
    report.parked += progress.parked;
    options.onBatch?.(progress.sent);
    // Only deferred postings came back: they now wait behind a parked one and ready() skips them.
    if (progress.sent + progress.parked === 0) return report;
  }
}

async function sendBatch(store: Store, client: CentralClient, batch: OutboxRow[], options: PushOptions): Promise<PushReport> {
  let response;
  try {
    response = await client.push(pushBody(batch));
  } catch (failure) {
    if (failure instanceof CentralFailure && failure.kind === 'refused') return findRefused(store, client, batch, failure, options);
    noteFailure(store, batch, failure);
    throw failure;
  }
  const deliveries = deliveriesOf(
    batch.map((row) => row.id),
    response,
  );
  if ('mismatch' in deliveries) {
    const failure = new CentralFailure('busy', `The centre's answer did not match the batch: ${deliveries.mismatch}`);
    noteFailure(store, batch, failure);
    throw failure;
  }
  const at = options.now();
  const report: PushReport = { sent: 0, parked: 0 };
  const tills: TillBatchCheck[] = [];
  store.transaction(() => {
    for (const delivery of deliveries) {
      if (delivery.action === 'sent') {
        store.outboxDelivery.markSent(delivery.key, delivery.outcome, at);
        report.sent++;
        if (delivery.till) tills.push(delivery.till);
      } else if (delivery.action === 'park') {
        store.outboxDelivery.park(delivery.key, delivery.reason, at);
        report.parked++;
      }
    }
  });
  for (const till of tills) options.onTillCheck?.(till);
  return report;
}

/**
 * The centre refused the batch as a whole (400, 413): one posting in it is at
 * fault, or the batch is too big. Halving finds it; alone and still refused,
 * it is parked with the centre's words and the rest go on.
 */
async function findRefused(store: Store, client: CentralClient, batch: OutboxRow[], failure: CentralFailure, options: PushOptions): Promise<PushReport> {
  if (batch.length === 1) {
    store.transaction(() => store.outboxDelivery.park(batch[0]!.id, `The centre refused this posting: ${failure.message}`, options.now()));
    return { sent: 0, parked: 1 };
  }
  const half = Math.ceil(batch.length / 2);
  const first = await sendBatch(store, client, batch.slice(0, half), options);
  // The second half waits if the first parked one of its accounts: ready() will sort that out next round.
  if (first.parked > 0) return first;
  const second = await sendBatch(store, client, batch.slice(half), options);
  return { sent: first.sent + second.sent, parked: first.parked + second.parked };
}

function noteFailure(store: Store, batch: readonly OutboxRow[], failure: unknown) {
  const message = failure instanceof Error ? failure.message : String(failure);
  store.transaction(() => {
    for (const row of batch) store.outboxDelivery.noteFailure(row.id, message);
  });
}
