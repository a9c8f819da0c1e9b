import { randomFillSync } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

const POOL_BYTES = 16 * 512;
const pool = Buffer.allocUnsafe(POOL_BYTES);
let offset = POOL_BYTES;
const state = { msecs: -Infinity, seq: 0 };

/**
 * A new UUIDv7: time-ordered, so ids of one table go in at the end of their
 * index, and strictly increasing within a process (a counter in the
 * millisecond, as RFC 9562 allows). uuid's own v7 asks the OS for 16 random
 * bytes per id, about 10 µs each; a first download makes a million ids, so the
 * random bytes come from a pool refilled 512 ids at a time.
 */
export function newId(): string {
  if (offset === POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  const random = pool.subarray(offset, (offset += 16));
  const now = Date.now();
  if (now > state.msecs) {
    state.msecs = now;
    state.seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
  } else {
    state.seq = (state.seq + 1) | 0;
    if (state.seq === 0) state.msecs++;
  }
  return uuidv7({ random, msecs: state.msecs, seq: state.seq });
}
