import type { Cents } from '../money.js';
import type { DenominationCount } from './denominations.js';
import type { MethodVariance } from './variance-rules.js';

/** open: taking payments; awaiting_approval: counted beyond tolerance, waiting for a manager; closed: takes nothing more. */
export const TILL_STATUSES = ['open', 'awaiting_approval', 'closed'] as const;
export type TillStatus = (typeof TILL_STATUSES)[number];

/** One cashier's drawer on one terminal for one business day. */
export interface TillSessionRecord {
  id: string;
  number: string;
  terminalCode: string;
  cashierId: string;
  businessDate: string;
  openingFloat: Cents;
  status: TillStatus;
  openedAt: string;
  closedAt: string | null;
  closedBy: string | null;
}

/**
 * What happened to a till, one append-only line each: its float, every cash
 * movement, every count (a recount is another line), the manager's approval
 * and the close. The session's figures are read from these and its payments.
 */
export type TillLine =
  | (TillLineBase & { kind: 'opening_float'; amount: Cents; counts: DenominationCount | null })
  | (TillLineBase & { kind: 'cash_in' | 'cash_out'; amount: Cents; reason: string; approvedBy: string | null })
  | (TillLineBase & { kind: 'count'; amount: Cents; counts: DenominationCount; card: Cents; mpesa: Cents; variances: MethodVariance[]; tolerance: Cents })
  | (TillLineBase & { kind: 'variance_approval'; amount: Cents; reason: string; approvedBy: string })
  | (TillLineBase & { kind: 'close'; amount: Cents; postingCount: number; postingTotal: Cents });

interface TillLineBase {
  id: string;
  tillSessionId: string;
  at: string;
  by: string;
}

export type TillLineKind = TillLine['kind'];

/** Outbox postings about a till are delivered in order among themselves, apart from any consumer's. */
export const tillAccount = (tillSessionId: string) => `till:${tillSessionId}`;
