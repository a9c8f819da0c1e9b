import { demoReferenceData } from '../db/seed/demo-data.js';
import { DEFAULT_SETTINGS } from '../core/settings/settings.js';
import type { ReferenceData } from './reference.js';

const DAY = 86_400_000;

/**
 * The centre's demo: the consumers, bills, charges and plan of the counter's
 * demo (db/seed/demo-data.ts), the counter's default payment modes, and what
 * only the centre knows: online payments in each gateway state and M-PESA
 * confirmations, so a counter pulling from it sees every kind of change.
 */
export function seedCentralDemo(reference: ReferenceData, options: { newId: () => string; now: Date }): void {
  const { paymentMethods, channels, overpaymentLimit, creditNoteValidityMonths } = DEFAULT_SETTINGS;
  reference.setSettings({ paymentMethods, channels, overpaymentLimit, creditNoteValidityMonths });

  const accounts = demoReferenceData({ newId: options.newId });
  for (const account of accounts) {
    reference.addConsumer(account.consumer);
    account.bills.forEach((bill) => reference.addBill(bill));
    account.serviceCharges.forEach((charge) => reference.addServiceCharge(charge));
    account.paymentPlans.forEach((plan) => reference.addPaymentPlan({ ...plan, createdAt: `${plan.createdAt}T00:00:00.000Z` }));
  }

  const ago = (days: number) => new Date(options.now.getTime() - days * DAY).toISOString();
  // One online payment per gateway state, on the newest bill of each of the last four accounts.
  const states = [
    { gatewayStatus: 'succeeded', settlementStatus: 'paid', daysAgo: 6, settledAfterDays: 2.3 },
    { gatewayStatus: 'succeeded', settlementStatus: 'created', daysAgo: 1, settledAfterDays: null },
    { gatewayStatus: 'pending', settlementStatus: null, daysAgo: 0.5, settledAfterDays: null },
    { gatewayStatus: 'failed', settlementStatus: null, daysAgo: 2, settledAfterDays: null },
  ] as const;
  accounts.slice(-states.length).forEach((account, n) => {
    const state = states[n]!;
    const bill = account.bills[0]!;
    const number = String(800 + n).padStart(6, '0');
    reference.addOnlinePayment({
      consumerId: account.consumer.id,
      receiptNumber: `R-WEB-${number}`,
      method: 'card',
      gateway: 'Stripe',
      reference: `PI${number}`,
      amount: bill.amount,
      gatewayStatus: state.gatewayStatus,
      settlementStatus: state.settlementStatus,
      initiatedAt: ago(state.daysAgo),
      settledAt: state.settledAfterDays === null ? null : ago(state.daysAgo - state.settledAfterDays),
      // Money that never reached the gateway pays no bill.
      allocations: state.gatewayStatus === 'succeeded' ? [{ billId: bill.id, amount: bill.amount }] : [],
    });
  });

  // Safaricom's word on two M-PESA payments a cashier may record: John Doe's March bill, and the first generated account's bill.
  const john = accounts[0]!;
  const second = accounts[1]!;
  reference.addMpesaConfirmation({ code: 'QJD4H7K2LM', accountNumber: john.consumer.accountNumber, amount: john.bills[0]!.amount, confirmedAt: ago(0.2) });
  reference.addMpesaConfirmation({ code: 'QWU10002AB', accountNumber: second.consumer.accountNumber, amount: second.bills[0]!.amount, confirmedAt: ago(0.1) });
}
