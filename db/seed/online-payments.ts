import { SYSTEM_USER_ID } from '../../core/auth/roles.js';
import { cents } from '../../core/money.js';
import { onlineStatusAfterSettlement, onlineStatusOfPayment, paymentStatusOfOnline, type GatewaySettlementStatus, type GatewayStatus } from '../../core/payments/gateway-status.js';
import type { Store } from '../store.js';

export interface OnlineDemoBill {
  consumerId: string;
  billId: string;
  reference: string;
  amount: number;
}

const CASES: Array<{ gateway: GatewayStatus; settlement: GatewaySettlementStatus | null; daysAgo: number; settledAfterDays: number | null }> = [
  { gateway: 'succeeded', settlement: 'paid', daysAgo: 6, settledAfterDays: 2.3 },
  { gateway: 'succeeded', settlement: null, daysAgo: 1, settledAfterDays: null },
  { gateway: 'pending', settlement: null, daysAgo: 0.5, settledAfterDays: null },
  { gateway: 'failed', settlement: null, daysAgo: 2, settledAfterDays: null },
];

/**
 * A few payments made online, as the centre would bring them down: one per
 * row of the spec's status tables, so the details view shows "System",
 * processing days, gateway statuses and the Verify button. Money that
 * reached the gateway is a ledger line; a pending or failed attempt is not.
 */
export function seedOnlinePayments(store: Store, bills: readonly OnlineDemoBill[], now: string): void {
  CASES.forEach((demo, n) => {
    const bill = bills[n];
    if (!bill) return;
    const initiatedAt = new Date(Date.parse(now) - demo.daysAgo * 86_400_000).toISOString();
    const settledAt = demo.settledAfterDays === null ? null : new Date(Date.parse(initiatedAt) + demo.settledAfterDays * 86_400_000).toISOString();
    const first = onlineStatusOfPayment(demo.gateway);
    const status = demo.settlement ? onlineStatusAfterSettlement(demo.settlement, first) : first;
    const moneyMoved = demo.gateway === 'succeeded';
    const id = store.newId();
    const seq = String(900 + n).padStart(6, '0');
    store.payments.insertOnline(
      {
        id,
        paymentNumber: `PAY-ONL-${seq}`,
        transactionNumber: `TXN-ONL-${seq}`,
        receiptNumber: `R-ONL-${seq}`,
        consumerId: bill.consumerId,
        type: 'bill',
        channel: 'online',
        method: 'card',
        amount: cents(bill.amount),
        amountReceived: null,
        change: null,
        reference: `PI${seq}`,
        cardLast4: null,
        bankName: null,
        appliedCreditNoteId: null,
        status: paymentStatusOfOnline(status),
        verification: 'pending',
        notes: null,
        paymentDate: initiatedAt.slice(0, 10),
        recordedAt: initiatedAt,
        recordedBy: SYSTEM_USER_ID,
        terminalCode: 'ONL',
        tillSessionId: null,
        allocations: moneyMoved ? [{ id: store.newId(), position: 0, itemKind: 'bill', itemId: bill.billId, amount: cents(bill.amount), openBefore: cents(bill.amount) }] : [],
      },
      { gateway: 'Stripe', webhookStatus: status.webhook, settlementStatus: status.settlement, initiatedAt, settledAt },
    );
    if (moneyMoved) {
      store.ledger.append([
        { id: store.newId(), consumerId: bill.consumerId, entryKind: 'payment', itemKind: 'bill', itemId: bill.billId, paymentId: id, amount: cents(-bill.amount), description: `Online card payment R-ONL-${seq} for ${bill.reference}`, createdAt: initiatedAt, createdBy: SYSTEM_USER_ID },
      ]);
    }
  });
}
