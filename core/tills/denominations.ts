import { invalid } from '../api/errors.js';
import { add, cents, ZERO, type Cents } from '../money.js';

/** A note or coin the drawer holds, by its face value in cents. */
export interface Denomination {
  value: Cents;
  kind: 'note' | 'coin';
}

/** Kenyan shillings: notes 1000, 500, 200, 100, 50; coins 20, 10, 5, 1 (configurable in settings). */
export const KES_DENOMINATIONS: readonly Denomination[] = [
  ...[1000, 500, 200, 100, 50].map((shillings) => ({ value: cents(shillings * 100), kind: 'note' as const })),
  ...[20, 10, 5, 1].map((shillings) => ({ value: cents(shillings * 100), kind: 'coin' as const })),
];

/** How many of each note and coin were counted, keyed by face value in cents ("100000" is a 1000 note). */
export type DenominationCount = Readonly<Record<string, number>>;

/**
 * The money a count comes to. A count must be a whole, non-negative number of
 * a denomination the drawer takes; anything else is refused naming the
 * denomination, so a cashier sees which line to fix.
 */
export function countedTotal(count: DenominationCount, denominations: readonly Denomination[]): Cents {
  const known = new Map(denominations.map((d) => [String(d.value), d]));
  let total = ZERO;
  for (const [value, pieces] of Object.entries(count)) {
    const denomination = known.get(value);
    const field = `counts.${value}`;
    if (!denomination) throw invalid(field, `${faceValue(cents(Number(value)))} is not a denomination this drawer takes`);
    if (!Number.isInteger(pieces) || pieces < 0) throw invalid(field, `The count of ${faceValue(denomination.value)} ${denomination.kind}s must be a whole number, zero or more`);
    total = add(total, cents(denomination.value * pieces));
  }
  return total;
}

/** "1000", "50", "1" (shillings, no decimals: denominations are whole). */
export function faceValue(value: Cents): string {
  return String(value / 100);
}

/** The drawer's notes and coins as the settings configure them. */
export function drawerDenominations(settings: { tills: { denominations: ReadonlyArray<{ value: number; kind: 'note' | 'coin' }> } }): Denomination[] {
  return settings.tills.denominations.map((d) => ({ value: cents(d.value), kind: d.kind }));
}
