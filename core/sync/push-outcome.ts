import type { PushResponse, TillBatchCheck } from './protocol.js';

/** What becomes of one posting after the centre answered its batch. */
export type Delivery =
  | { key: string; action: 'sent'; outcome: 'accepted' | 'duplicate'; till?: TillBatchCheck }
  | { key: string; action: 'park'; reason: string }
  | { key: string; action: 'wait' };

/**
 * Reads the centre's answer to a batch. An answer that does not speak of
 * exactly the postings sent, in order, is not trusted: the caller treats it
 * as no answer and sends the batch again, which keys make safe.
 */
export function deliveriesOf(sentKeys: readonly string[], response: PushResponse): Delivery[] | { mismatch: string } {
  if (response.results.length !== sentKeys.length) return { mismatch: `the centre answered ${response.results.length} results for ${sentKeys.length} postings` };
  const deliveries: Delivery[] = [];
  for (const [n, result] of response.results.entries()) {
    if (result.key !== sentKeys[n]) return { mismatch: `result ${n + 1} is for ${result.key}, not ${sentKeys[n]}` };
    switch (result.outcome) {
      case 'accepted':
      case 'duplicate':
        deliveries.push(result.till ? { key: result.key, action: 'sent', outcome: result.outcome, till: result.till } : { key: result.key, action: 'sent', outcome: result.outcome });
        break;
      case 'rejected':
        deliveries.push({ key: result.key, action: 'park', reason: result.reason?.trim() || 'Rejected by the centre without a reason' });
        break;
      case 'deferred':
        deliveries.push({ key: result.key, action: 'wait' });
        break;
    }
  }
  return deliveries;
}
