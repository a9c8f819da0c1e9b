import { PAYMENT_METHOD_CODES } from '../settings/settings.js';

/**
 * What a customer can pay with: the methods of the settings, and the credit
 * of their own active credit notes, which is always on offer when they have any.
 */
export const TENDER_CODES = [...PAYMENT_METHOD_CODES, 'credit_note'] as const;
export type TenderCode = (typeof TENDER_CODES)[number];

export const CREDIT_TENDER_LABEL = 'Credit note';
