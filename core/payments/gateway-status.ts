/**
 * Online payments reach the counter through the central server with their
 * gateway's words (Stripe's here); the counter speaks its own. These are the
 * spec's two mapping tables, row for row (AC18).
 */
export const GATEWAY_STATUSES = ['succeeded', 'failed', 'pending'] as const;
export type GatewayStatus = (typeof GATEWAY_STATUSES)[number];

export const GATEWAY_SETTLEMENT_STATUSES = ['created', 'paid', 'failed'] as const;
export type GatewaySettlementStatus = (typeof GATEWAY_SETTLEMENT_STATUSES)[number];

export type WebhookStatus = 'in_settlement' | 'failed' | 'not_confirmed' | 'settled';
/** null is the spec's "N/A": no settlement has started. */
export type SettlementStatus = 'in_progress' | 'success' | 'failed' | null;

export interface OnlineStatus {
  webhook: WebhookStatus;
  settlement: SettlementStatus;
}

export const WEBHOOK_STATUS_LABELS: Record<WebhookStatus, string> = {
  in_settlement: 'In Settlement',
  failed: 'Failed',
  not_confirmed: 'Not Confirmed',
  settled: 'Settled',
};

export const SETTLEMENT_STATUS_LABELS: Record<Exclude<SettlementStatus, null>, string> = { in_progress: 'In Progress', success: 'Success', failed: 'Failed' };

/** Payment status table: Succeeded → In Settlement / In Progress; Failed → Failed / N/A; Pending → Not Confirmed / N/A. */
export function onlineStatusOfPayment(status: GatewayStatus): OnlineStatus {
  switch (status) {
    case 'succeeded':
      return { webhook: 'in_settlement', settlement: 'in_progress' };
    case 'failed':
      return { webhook: 'failed', settlement: null };
    case 'pending':
      return { webhook: 'not_confirmed', settlement: null };
  }
}

/**
 * Settlement table: Created → In Settlement / In Progress; Paid → Settled /
 * Success; Failed → the webhook status stays what it was, settlement Failed.
 */
export function onlineStatusAfterSettlement(settlement: GatewaySettlementStatus, previous: OnlineStatus): OnlineStatus {
  switch (settlement) {
    case 'created':
      return { webhook: 'in_settlement', settlement: 'in_progress' };
    case 'paid':
      return { webhook: 'settled', settlement: 'success' };
    case 'failed':
      return { webhook: previous.webhook, settlement: 'failed' };
  }
}

/** How the counter's own payment status reads an online payment: posted once the money is settled. */
export function paymentStatusOfOnline(status: OnlineStatus): 'posted' | 'pending' | 'failed' {
  if (status.webhook === 'failed' || status.settlement === 'failed') return 'failed';
  return status.settlement === 'success' ? 'posted' : 'pending';
}

/** AC22: "Immediate" at the counter; for an online payment the days from initiation to settlement (or to now), one decimal: "2.3 days". */
export function processingTime(recordedAtCounter: boolean, initiatedAt: string, settledAt: string | null, now: string, failed = false): string {
  if (recordedAtCounter) return 'Immediate';
  // A failed attempt never completes: the spec's table gives it no processing time.
  if (failed) return 'N/A';
  const end = Date.parse(settledAt ?? now);
  const tenths = Math.max(0, Math.round(((end - Date.parse(initiatedAt)) / 86_400_000) * 10));
  return `${Math.floor(tenths / 10)}.${tenths % 10} days`;
}

/** The labels of stored statuses, with the spec's "N/A" where no settlement has started. */
export function onlineStatusLabels(webhook: string, settlement: string | null): { webhookLabel: string; settlementLabel: string } {
  return {
    webhookLabel: WEBHOOK_STATUS_LABELS[webhook as WebhookStatus] ?? webhook,
    settlementLabel: settlement === null ? 'N/A' : (SETTLEMENT_STATUS_LABELS[settlement as Exclude<SettlementStatus, null>] ?? settlement),
  };
}
