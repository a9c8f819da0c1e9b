/**
 * Number formats turn a sequence value into the identifier a customer sees
 * ("R-T01-5001", "PAY-2026-T01-000042"). Tokens:
 *   {yyyy}    the four-digit year: the sequence restarts every year
 *   {terminal} this terminal's code: two terminals never issue the same number
 *   {seq:N}   the sequence, zero-padded to N digits ({seq} unpadded)
 */
export interface NumberFormat {
  pattern: string;
  /** The first number a new sequence issues. */
  start: number;
}

export type NumberKind = 'payment' | 'transaction' | 'receipt' | 'creditNote' | 'reversal' | 'plan' | 'tillSession';

const TOKEN = /\{(yyyy|terminal|seq(?::(\d{1,2}))?)\}/g;

export function numberFormatProblem(format: NumberFormat): string | null {
  const tokens = [...format.pattern.matchAll(TOKEN)].map((m) => m[1]!.split(':')[0]);
  if (tokens.filter((t) => t === 'seq').length !== 1) return 'must contain {seq} exactly once';
  if (!tokens.includes('terminal')) return 'must contain {terminal}, so that two terminals never issue the same number';
  const leftover = format.pattern.replace(TOKEN, '');
  if (/[{}]/.test(leftover)) return 'has an unknown {token}';
  if (!Number.isSafeInteger(format.start) || format.start < 1) return 'start must be a whole number of at least 1';
  return null;
}

/** The key under which a sequence is counted: per year when the pattern shows the year. */
export function sequenceScope(kind: NumberKind, format: NumberFormat, year: number): string {
  return format.pattern.includes('{yyyy}') ? `${kind}:${year}` : kind;
}

export function formatNumber(format: NumberFormat, value: number, year: number, terminal: string): string {
  return format.pattern.replace(TOKEN, (_whole, token: string, width?: string) => {
    if (token === 'yyyy') return String(year).padStart(4, '0');
    if (token === 'terminal') return terminal;
    return String(value).padStart(width ? Number(width) : 0, '0');
  });
}

export const DEFAULT_NUMBER_FORMATS: Record<NumberKind, NumberFormat> = {
  payment: { pattern: 'PAY-{yyyy}-{terminal}-{seq:6}', start: 1 },
  transaction: { pattern: 'TXN-{yyyy}-{terminal}-{seq:6}', start: 1 },
  receipt: { pattern: 'R-{terminal}-{seq}', start: 5001 },
  creditNote: { pattern: 'CN-{terminal}-{seq:5}', start: 1 },
  reversal: { pattern: 'RV-{terminal}-{seq:5}', start: 1 },
  plan: { pattern: 'PP-{yyyy}-{terminal}-{seq:4}', start: 1 },
  tillSession: { pattern: 'TS-{terminal}-{seq:5}', start: 1 },
};
