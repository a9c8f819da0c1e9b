/**
 * Money is an integer count of minor units (cents) everywhere below the
 * renderer's input box. The brand keeps a plain number from passing for money
 * without going through `cents()`, which refuses fractions and anything past
 * 2^51 (beyond that, sums stop being exact in a double).
 */
export type Cents = number & { readonly __brand: 'Cents' };

export const MAX_CENTS = 2 ** 51;

export function cents(value: number): Cents {
  if (!Number.isSafeInteger(value) || Math.abs(value) > MAX_CENTS) {
    throw new RangeError(`not a whole number of cents: ${value}`);
  }
  return value as Cents;
}

export const ZERO = cents(0);

export function add(...amounts: Cents[]): Cents {
  return cents(amounts.reduce<number>((sum, a) => sum + a, 0));
}

export function subtract(a: Cents, b: Cents): Cents {
  return cents(a - b);
}

export function min(a: Cents, b: Cents): Cents {
  return a < b ? a : b;
}

export type AmountParse =
  | { ok: true; value: Cents }
  | { ok: false; reason: 'empty' | 'not-a-number' | 'negative' | 'too-many-decimals' | 'too-large' };

const AMOUNT = /^(\d{1,3}(,\d{3})+|\d+)(\.(\d*))?$/;

/** Reads what a cashier typed ("1,234.5", "150", "150.00") as cents. */
export function parseAmount(text: string): AmountParse {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  if (/^-/.test(trimmed)) return { ok: false, reason: 'negative' };
  const match = AMOUNT.exec(trimmed);
  if (!match) return { ok: false, reason: 'not-a-number' };
  const decimals = match[4] ?? '';
  if (decimals.length > 2) return { ok: false, reason: 'too-many-decimals' };
  const whole = Number(match[1]!.replaceAll(',', ''));
  const value = whole * 100 + Number(decimals.padEnd(2, '0'));
  if (!Number.isSafeInteger(value) || value > MAX_CENTS) return { ok: false, reason: 'too-large' };
  return { ok: true, value: value as Cents };
}

export const AMOUNT_PARSE_MESSAGES: Record<Exclude<AmountParse, { ok: true }>['reason'], string> = {
  empty: 'is required',
  'not-a-number': 'must be a number, like 150.00',
  negative: 'cannot be negative',
  'too-many-decimals': 'can have at most two decimals',
  'too-large': 'is too large',
};

/** Plain decimal text with two places and no grouping: 145.5 → "145.50". */
export function toDecimalText(amount: Cents): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * "KES 1,234.50": plain ASCII for receipts and PDFs. Intl's "Ksh" form carries
 * a no-break space that thermal printers mangle.
 */
export function formatMoneyAscii(amount: Cents, currency: string): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const whole = Math.trunc(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${currency} ${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** For screens: the locale's own currency format, always two decimals. */
export function formatMoney(amount: Cents, currency: string, locale = 'en-KE'): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(amount / 100);
}
