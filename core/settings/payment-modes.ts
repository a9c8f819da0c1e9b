import { invalid } from '../api/errors.js';
import type { CounterSettings } from './settings.js';

/** What Settings > payment modes lets an administrator change. */
export type PaymentModes = Pick<CounterSettings, 'paymentMethods' | 'channels' | 'overpaymentLimit' | 'creditNoteValidityMonths' | 'notesMaxLength'>;

/**
 * The rules a counter needs from its payment modes: at least one method to
 * take money with, each method once, and exactly one default channel, so
 * the form always opens on a channel the cashier expects.
 */
export function applyPaymentModes(settings: CounterSettings, modes: PaymentModes): CounterSettings {
  if (!modes.paymentMethods.some((method) => method.enabled)) throw invalid('paymentMethods', 'At least one payment method must stay enabled');
  const codes = modes.paymentMethods.map((method) => method.code);
  if (new Set(codes).size !== codes.length) throw invalid('paymentMethods', 'Each payment method can be listed once');
  const channelCodes = modes.channels.map((channel) => channel.code);
  if (new Set(channelCodes).size !== channelCodes.length) throw invalid('channels', 'Each channel code can be listed once');
  if (modes.channels.filter((channel) => channel.isDefault).length !== 1) throw invalid('channels', 'Exactly one channel must be the default');
  return { ...settings, ...modes };
}
