import type { PaymentMethodCode } from '../settings/settings.js';

/**
 * The proof of payment each non-cash method carries, and its form. The
 * M-PESA receipt code is 10 capital letters and digits in every published
 * sample (LHG31AA5TX); the card terminal's approval code is 6.
 */
export const REFERENCE_RULES: Record<Exclude<PaymentMethodCode, 'cash'>, { label: string; pattern: RegExp; hint: string }> = {
  mpesa: { label: 'M-PESA receipt code', pattern: /^[A-Z0-9]{10}$/, hint: '10 letters and digits, like LHG31AA5TX' },
  card: { label: 'Card approval code', pattern: /^[A-Z0-9]{6}$/, hint: '6 letters and digits from the card terminal slip' },
  bank_transfer: { label: 'Bank reference', pattern: /^[A-Z0-9][A-Z0-9/-]{3,29}$/, hint: '4 to 30 letters, digits, / or -' },
};

export function normaliseReference(raw: string): string {
  return raw.trim().toUpperCase().replace(/\s+/g, '');
}

/** Counter-recorded cash and card are verified at once; M-PESA and bank transfers wait for the centre's match. */
export function verificationOnRecord(method: PaymentMethodCode): 'verified' | 'pending' {
  return method === 'cash' || method === 'card' ? 'verified' : 'pending';
}
