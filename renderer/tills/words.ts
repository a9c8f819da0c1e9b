import type { TillSessionView } from '../../core/api/calls/tills.js';

/** A till's status as the counter says it. */
export const TILL_STATUS_LABELS: Record<TillSessionView['status'], string> = {
  open: 'Open',
  awaiting_approval: 'Waiting for approval',
  closed: 'Closed',
};

export const TILL_STATUS_COLORS: Record<TillSessionView['status'], string> = {
  open: 'green',
  awaiting_approval: 'orange',
  closed: 'gray',
};

/** The methods a close counts, by the name on the drawer, the card terminal's slip and the M-PESA statement. */
export const COUNTED_METHOD_LABELS = { cash: 'Cash', card: 'Card', mpesa: 'M-PESA' } as const;

/** What a hidden amount shows while the count is blind. */
export const HIDDEN_UNTIL_COUNT = 'Hidden until the count';

/** "1000", "50", "1": a note or coin by its face value in whole shillings. */
export const faceValue = (valueCents: number) => String(valueCents / 100);

/** "1000 notes", "1 coins" reads badly; the count's label names the piece: "Notes of 1000", "Coins of 5". */
export const countLabel = (denomination: { value: number; kind: 'note' | 'coin' }) => `${denomination.kind === 'note' ? 'Notes' : 'Coins'} of ${faceValue(denomination.value)}`;
