import { z } from 'zod';
import { AMOUNT_PARSE_MESSAGES, parseAmount, type Cents } from '../money.js';

/**
 * Field schemas whose every message names the field in the counter's words
 * ("Amount paid can have at most two decimals"), so any edge that validates
 * with them, IPC or HTTP, tells the cashier exactly what to fix.
 */
const typeError = (label: string, expected: string) => (issue: { input: unknown }) =>
  issue.input === undefined || issue.input === null || issue.input === '' ? `${label} is required` : `${label} must be ${expected}`;

export function text(label: string, { min = 1, max = 200 }: { min?: number; max?: number } = {}) {
  return z
    .string({ error: typeError(label, 'text') })
    .trim()
    .min(min, min === 1 ? `${label} is required` : `${label} must be at least ${min} characters`)
    .max(max, `${label} must be at most ${max} characters`);
}

/** An amount typed by a person, sent as text ("150.00") so no float ever carries money. */
export function amount(label: string) {
  return z
    .string({ error: typeError(label, 'a number, like 150.00') })
    .transform((raw, ctx): Cents => {
      const parsed = parseAmount(raw);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: `${label} ${AMOUNT_PARSE_MESSAGES[parsed.reason]}` });
        return z.NEVER;
      }
      if (parsed.value <= 0) {
        ctx.addIssue({ code: 'custom', message: `${label} must be more than zero` });
        return z.NEVER;
      }
      return parsed.value;
    });
}

/** An amount that may be zero (an empty float, a card total on a day without card payments). */
export function amountOrZero(label: string) {
  return z
    .string({ error: typeError(label, 'a number, like 150.00') })
    .transform((raw, ctx): Cents => {
      const parsed = parseAmount(raw);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: `${label} ${AMOUNT_PARSE_MESSAGES[parsed.reason]}` });
        return z.NEVER;
      }
      return parsed.value;
    });
}

export function id(label: string) {
  return z.uuid({ error: typeError(label, 'a valid id') });
}

export function isoDate(label: string) {
  return z
    .string({ error: typeError(label, 'a date') })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} must be a date like 2026-04-20`)
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), `${label} is not a real date`);
}

export function oneOf<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.enum(values, { error: typeError(label, `one of ${values.join(', ')}`) });
}

export const centsOut = z.number().int();
