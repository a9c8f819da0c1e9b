import { z } from 'zod';
import { ADMINISTERS, EVERY_ROLE, MANAGES_SETTINGS } from '../../auth/roles.js';
import { counterSettingsSchema } from '../../settings/settings.js';
import { defineCall } from '../define.js';
import { amount, amountOrZero } from '../fields.js';

const paymentModesInput = z.object({
  paymentMethods: z
    .array(z.object({ code: counterSettingsSchema.shape.paymentMethods.element.shape.code, label: z.string().trim().min(1, 'Method label is required').max(30), enabled: z.boolean() }))
    .min(1, 'At least one payment method is needed'),
  channels: z
    .array(
      z.object({
        code: z.string().regex(/^[a-z][a-z0-9_]{0,29}$/, 'Channel code must be lower-case letters, digits or _'),
        label: z.string().trim().min(1, 'Channel label is required').max(30),
        isDefault: z.boolean(),
      }),
    )
    .min(1, 'At least one channel is needed'),
  /** The largest overpayment turned into a credit note, as typed ("5000.00"). */
  overpaymentLimit: amount('Overpayment limit'),
  creditNoteValidityMonths: z.number({ error: 'Credit note validity must be a number of months' }).int('Credit note validity must be whole months').min(1, 'Credit note validity must be at least 1 month').max(120, 'Credit note validity must be at most 120 months'),
  notesMaxLength: z.number({ error: 'Notes limit must be a number' }).int().min(0, 'Notes limit cannot be negative').max(2000, 'Notes limit must be at most 2000 characters'),
});

/** Settings > Tills: the drawer's notes and coins (face values as typed, "1000"), the blind count, the tolerance and the approval limit. */
const tillRulesInput = z.object({
  denominations: z
    .array(z.object({ value: amount('Denomination'), kind: z.enum(['note', 'coin'], { error: 'Each denomination is a note or a coin' }) }))
    .min(1, 'At least one denomination is needed')
    .refine((list) => new Set(list.map((d) => d.value)).size === list.length, 'Each denomination may appear once'),
  blindCount: z.boolean({ error: 'Blind count must be on or off' }),
  varianceTolerance: amountOrZero('Variance tolerance'),
  cashMovementApprovalAbove: amountOrZero('Cash in/out approval limit'),
});

export const settingsCalls = {
  'settings-get': defineCall({ input: z.object({}), output: counterSettingsSchema, access: EVERY_ROLE }),
  /** Settings > payment modes: methods, channels, overpayment limit, credit note validity, notes limit. */
  'settings-payment-modes-set': defineCall({ input: paymentModesInput, output: counterSettingsSchema, access: ADMINISTERS }),
  'settings-tills-set': defineCall({ input: tillRulesInput, output: counterSettingsSchema, access: ADMINISTERS }),
  'printer-set': defineCall({ input: counterSettingsSchema.shape.printer, output: counterSettingsSchema, access: MANAGES_SETTINGS }),
};
