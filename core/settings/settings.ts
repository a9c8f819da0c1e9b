import { z } from 'zod';
import { DEFAULT_NUMBER_FORMATS, numberFormatProblem } from '../numbering/number-format.js';
import { DEFAULT_PLAN_RULES, type PlanRules } from '../plans/plan.js';
import { KES_DENOMINATIONS } from '../tills/denominations.js';

/** Settings an administrator edits; the counter reads them on every call. */
const numberFormat = z
  .object({ pattern: z.string().min(1).max(40), start: z.number().int().min(1) })
  .superRefine((format, ctx) => {
    const problem = numberFormatProblem(format);
    if (problem) ctx.addIssue({ code: 'custom', message: `Number format ${problem}` });
  });

export const PAYMENT_METHOD_CODES = ['cash', 'card', 'mpesa', 'bank_transfer'] as const;
export const paymentMethodCode = z.enum(PAYMENT_METHOD_CODES);
export type PaymentMethodCode = z.infer<typeof paymentMethodCode>;

export const counterSettingsSchema = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/),
  locale: z.string().min(2),
  terminalCode: z.string().regex(/^[A-Z0-9]{1,6}$/),
  branchName: z.string().min(1),
  utilityName: z.string().min(1),
  dateFormat: z.string().min(1),
  notesMaxLength: z.number().int().min(0).max(2000),
  paymentMethods: z
    .array(z.object({ code: paymentMethodCode, label: z.string().min(1), enabled: z.boolean() }))
    .min(1),
  channels: z.array(z.object({ code: z.string().min(1), label: z.string().min(1), isDefault: z.boolean() })).min(1),
  numberFormats: z.object({
    payment: numberFormat,
    transaction: numberFormat,
    receipt: numberFormat,
    creditNote: numberFormat,
    reversal: numberFormat,
    plan: numberFormat,
    tillSession: numberFormat,
  }),
  /** The most a payment may exceed what it pays; the excess becomes a credit note. */
  overpaymentLimit: z.number().int().min(0),
  /** How long a credit note can be applied, in months from the day it is issued. */
  creditNoteValidityMonths: z.number().int().min(1).max(120),
  tills: z.object({
    /** The notes and coins the drawer takes, largest first, by face value in cents. */
    denominations: z
      .array(z.object({ value: z.number().int().positive(), kind: z.enum(['note', 'coin']) }))
      .min(1)
      .refine((list) => new Set(list.map((d) => d.value)).size === list.length, 'Each denomination may appear once'),
    /** Expected amounts stay hidden from the cashier until the count is submitted. */
    blindCount: z.boolean(),
    /** The variance, short or over, a cashier may close with on their own. */
    varianceTolerance: z.number().int().min(0),
    /** A cash in or out above this needs a branch manager's approval. */
    cashMovementApprovalAbove: z.number().int().min(0),
  }),
  /** Compliance thresholds and approval limits of payment plans (core/plans/plan.ts says what each means). */
  plans: z.object({
    graceDays: z.number().int().min(0).max(90),
    missedAllowed: z.number().int().min(0).max(12),
    approvalAboveAmount: z.number().int().min(0),
    approvalAboveInstallments: z.number().int().min(1).max(120),
    maxInstallments: z.number().int().min(1).max(120),
    downPaymentAs: z.enum(['installment_zero', 'first_installment']),
  }) satisfies z.ZodType<PlanRules>,
  printer: z.object({
    /** tcp://host:port of an ESC/POS network printer; empty means none configured. */
    address: z.string().regex(/^(tcp:\/\/[\w.-]+:\d{1,5})?$/, 'Printer address must look like tcp://192.168.1.50:9100'),
    paperWidth: z.union([z.literal(58), z.literal(80)]),
  }),
});

export type CounterSettings = z.infer<typeof counterSettingsSchema>;

export const DEFAULT_SETTINGS: CounterSettings = {
  currency: 'KES',
  locale: 'en-KE',
  terminalCode: 'T01',
  branchName: 'Cityville Service Centre',
  utilityName: 'Cityville Water & Power',
  dateFormat: 'DD MMM YYYY',
  notesMaxLength: 250,
  paymentMethods: [
    { code: 'cash', label: 'Cash', enabled: true },
    { code: 'card', label: 'Card', enabled: true },
    { code: 'mpesa', label: 'M-PESA', enabled: true },
    { code: 'bank_transfer', label: 'Bank transfer', enabled: true },
  ],
  channels: [
    { code: 'walk_in', label: 'Walk-in', isDefault: true },
    { code: 'field', label: 'Field agent', isDefault: false },
  ],
  numberFormats: DEFAULT_NUMBER_FORMATS,
  overpaymentLimit: 500000,
  creditNoteValidityMonths: 12,
  tills: { denominations: [...KES_DENOMINATIONS], blindCount: true, varianceTolerance: 1000, cashMovementApprovalAbove: 500000 },
  plans: { ...DEFAULT_PLAN_RULES },
  printer: { address: '', paperWidth: 80 },
};

export function defaultChannel(settings: CounterSettings): string {
  return (settings.channels.find((c) => c.isDefault) ?? settings.channels[0]!).code;
}
