import { SYSTEM_USER_ID } from '../auth/roles.js';
import { cents } from '../money.js';
import type { Ports } from '../ports.js';
import { remainingCredit } from './credit-note.js';


/**
 * Forfeits what is left on every note past its expiry day: one ledger line
 * per note takes the credit back, so the consumer's balance says it too.
 * Runs at every start and every day; a second run finds nothing to do.
 */
export function expireCreditNotes(ports: Ports, context: { today: string; now: string }): number {
  const expired = ports.creditNotes.expiredWithCredit(context.today);
  for (const { record, usage } of expired) {
    const remaining = remainingCredit(usage);
    ports.ledger.append([
      {
        id: ports.newId(),
        consumerId: record.consumerId,
        entryKind: 'credit_expired',
        itemKind: 'credit_note',
        itemId: record.id,
        paymentId: null,
        amount: cents(remaining),
        description: `Credit note ${record.number} expired on ${record.expiresOn}`,
        createdAt: context.now,
        createdBy: SYSTEM_USER_ID,
      },
    ]);
    ports.audit.append({ id: ports.newId(), at: context.now, userId: SYSTEM_USER_ID, action: 'credit_note.expire', entity: 'credit_note', entityId: record.id, before: { remaining }, after: { remaining: 0 } });
    ports.outbox.add({ id: ports.newId(), kind: 'credit_note.expired', aggregateId: record.id, accountId: record.consumerId, amount: 0, tillSessionId: null, payload: { creditNoteId: record.id, forfeited: remaining }, createdAt: context.now });
  }
  return expired.length;
}
