import { describe, expect, it } from 'vitest';
import { deliveriesOf } from './push-outcome.js';

const till = { tillSessionId: 't1', expectedCount: 2, expectedTotal: 300, receivedCount: 2, receivedTotal: 300, matched: true };

describe("reading the centre's answer to a batch", () => {
  it('sends accepted and duplicate postings, parks rejected ones with the reason and keeps deferred ones waiting', () => {
    const answer = deliveriesOf(['a', 'b', 'c', 'd'], {
      results: [
        { key: 'a', outcome: 'accepted' },
        { key: 'b', outcome: 'duplicate' },
        { key: 'c', outcome: 'rejected', reason: 'Account WU-1 is closed at the centre' },
        { key: 'd', outcome: 'deferred' },
      ],
    });
    expect(answer).toEqual([
      { key: 'a', action: 'sent', outcome: 'accepted' },
      { key: 'b', action: 'sent', outcome: 'duplicate' },
      { key: 'c', action: 'park', reason: 'Account WU-1 is closed at the centre' },
      { key: 'd', action: 'wait' },
    ]);
  });

  it("keeps the centre's count of a closed till with the posting that closed it", () => {
    expect(deliveriesOf(['a'], { results: [{ key: 'a', outcome: 'accepted', till }] })).toEqual([{ key: 'a', action: 'sent', outcome: 'accepted', till }]);
  });

  it('gives a rejection without a reason a reason a manager can read', () => {
    expect(deliveriesOf(['a'], { results: [{ key: 'a', outcome: 'rejected' }] })).toEqual([{ key: 'a', action: 'park', reason: 'Rejected by the centre without a reason' }]);
  });

  it('does not trust an answer with a result missing or out of order', () => {
    expect(deliveriesOf(['a', 'b'], { results: [{ key: 'a', outcome: 'accepted' }] })).toEqual({ mismatch: 'the centre answered 1 results for 2 postings' });
    expect(deliveriesOf(['a', 'b'], { results: [{ key: 'b', outcome: 'accepted' }, { key: 'a', outcome: 'accepted' }] })).toEqual({ mismatch: 'result 1 is for b, not a' });
  });
});
