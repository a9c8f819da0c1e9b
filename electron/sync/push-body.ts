import { SYNC_SCHEMA_VERSION } from '../../core/sync/protocol.js';
import type { OutboxRow } from '../../db/repositories/outbox.js';

/**
 * The push request for a batch, as JSON. The payload is spliced in as the
 * text the outbox stored, so a drain of thousands of postings does not parse
 * and re-serialise every record.
 */
export function pushBody(rows: readonly OutboxRow[]): string {
  const postings = rows.map(
    (row) =>
      `{"key":${JSON.stringify(row.id)},"seq":${row.seq},"schemaVersion":${SYNC_SCHEMA_VERSION},"kind":${JSON.stringify(row.kind)},"accountId":${JSON.stringify(row.accountId)},"amount":${row.amount},"tillSessionId":${JSON.stringify(row.tillSessionId)},"createdAt":${JSON.stringify(row.createdAt)},"payload":${row.payload}}`,
  );
  return `{"postings":[${postings.join(',')}]}`;
}
