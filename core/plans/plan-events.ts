import { formatMoneyAscii, type Cents } from '../money.js';
import type { PlanFrequency, PlanStatus } from './plan.js';
import type { PlanLine } from './plan-record.js';

export const STATUS_WORDS: Record<PlanStatus, string> = {
  on_track: 'on track',
  at_risk: 'at risk',
  broken: 'broken',
  completed: 'completed',
  cancelled: 'cancelled',
};

const FREQUENCY_WORDS: Record<PlanFrequency, string> = { weekly: 'weekly', fortnightly: 'fortnightly', monthly: 'monthly' };

/** What each kind of plan line keeps in its detail. */
export interface PlanLineDetails {
  created: { version: number; total: Cents; downPayment: Cents; installments: number; frequency: PlanFrequency; approvedBy: string | null };
  rescheduled: { version: number; open: Cents; installments: number; frequency: PlanFrequency; reason: string; approvedBy: string | null };
  cancelled: { version: number; returned: Cents; reason: string; approvedBy: string | null };
  status_changed: { from: PlanStatus; to: PlanStatus };
  hold_placed: Record<string, never>;
  hold_released: { because: PlanStatus };
}

/** A plan line in the counter's words, for the plan's history. */
export function planEventText(line: PlanLine, names: Readonly<Record<string, string>>, currency: string): string {
  const money = (amount: Cents) => formatMoneyAscii(amount, currency);
  const who = names[line.by] ?? line.by;
  const approved = (id: string | null) => (id ? `, approved by ${names[id] ?? id}` : '');
  switch (line.kind) {
    case 'created': {
      const d = line.detail as PlanLineDetails['created'];
      const down = d.downPayment > 0 ? ` after a down payment of ${money(d.downPayment)}` : '';
      return `Made by ${who}: ${money(d.total)} in ${d.installments} ${FREQUENCY_WORDS[d.frequency]} installments${down}${approved(d.approvedBy)}`;
    }
    case 'rescheduled': {
      const d = line.detail as PlanLineDetails['rescheduled'];
      return `Rescheduled by ${who} (version ${d.version}): ${money(d.open)} still open in ${d.installments} ${FREQUENCY_WORDS[d.frequency]} installments${approved(d.approvedBy)}. Reason: ${d.reason}`;
    }
    case 'cancelled': {
      const d = line.detail as PlanLineDetails['cancelled'];
      return `Cancelled by ${who}: ${money(d.returned)} back on the arrears it covered${approved(d.approvedBy)}. Reason: ${d.reason}`;
    }
    case 'status_changed': {
      const d = line.detail as PlanLineDetails['status_changed'];
      return `Now ${STATUS_WORDS[d.to]} (was ${STATUS_WORDS[d.from]})`;
    }
    case 'hold_placed':
      return 'Disconnection hold placed on the account';
    case 'hold_released': {
      const d = line.detail as PlanLineDetails['hold_released'];
      return `Disconnection hold released: the plan is ${STATUS_WORDS[d.because]}`;
    }
  }
}
