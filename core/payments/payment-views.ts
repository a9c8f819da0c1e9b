import type { z } from 'zod';
import type { paymentSummarySchema } from '../api/calls/consumers.js';
import type { PaymentDetails } from '../api/calls/payments.js';
import type { Consumer, ItemKind, PayableItem } from '../accounts/account.js';
import type { PaymentRecord } from './payment-record.js';
import type { CounterSettings } from '../settings/settings.js';

export type PaymentSummary = Omit<z.infer<typeof paymentSummarySchema>, 'methodLabel'>;

export const methodLabel = (settings: CounterSettings, code: string) => settings.paymentMethods.find((m) => m.code === code)?.label ?? code;
export const channelLabel = (settings: CounterSettings, code: string) => settings.channels.find((c) => c.code === code)?.label ?? code;

export function withMethodLabel(summary: PaymentSummary, settings: CounterSettings) {
  return { ...summary, methodLabel: methodLabel(settings, summary.method) };
}

export interface StoredPayment {
  row: Omit<PaymentDetails, 'channelLabel' | 'methodLabel' | 'change' | 'recordedBy' | 'consumer' | 'allocations' | 'balanceAfter' | 'printCount'> & {
    changeGiven: number | null;
    recordedBy: string;
  };
  allocations: Array<{ itemKind: ItemKind | string; itemId: string; amount: number; openBefore: number }>;
}

/** Assembles what the receipt and the payment details view show from what is stored. */
export function paymentDetails(
  stored: StoredPayment,
  extra: {
    consumer: Consumer;
    recordedByName: string;
    items: ReadonlyMap<string, { reference: string; detail: string; amount: number }>;
    balanceAfter: number;
    printCount: number;
  },
  settings: CounterSettings,
): PaymentDetails {
  const { changeGiven, recordedBy, ...row } = stored.row;
  return {
    ...row,
    change: changeGiven,
    channelLabel: channelLabel(settings, row.channel),
    methodLabel: methodLabel(settings, row.method),
    recordedBy: { id: recordedBy, name: extra.recordedByName },
    consumer: extra.consumer,
    allocations: stored.allocations.map((a) => {
      const item = extra.items.get(a.itemId);
      return {
        kind: a.itemKind as ItemKind,
        itemId: a.itemId,
        reference: item?.reference ?? a.itemId,
        detail: item?.detail ?? '',
        billed: item?.amount ?? a.openBefore,
        applied: a.amount,
        openAfter: a.openBefore - a.amount,
      };
    }),
    balanceAfter: extra.balanceAfter,
    printCount: extra.printCount,
  };
}

/** The details of a payment just written, from the record itself rather than a read back. */
export function recordedPaymentDetails(
  record: PaymentRecord,
  extra: { consumer: Consumer; recordedByName: string; items: readonly PayableItem[]; balanceAfter: number },
  settings: CounterSettings,
): PaymentDetails {
  const { allocations, change, ...row } = record;
  return paymentDetails(
    { row: { ...row, changeGiven: change }, allocations },
    { ...extra, items: new Map(extra.items.map((item) => [item.id, item])), printCount: 0 },
    settings,
  );
}
