import { addMonths } from '../../core/dates/calendar.js';
import { MONTHS } from '../../db/seed/demo-data.js';
import { DAY_MS, minuteOfVisit, type HistoryCalendar } from './branch-history-calendar.js';
import { personOf } from './branch-history-people.js';

/**
 * Five years of one branch's accounts, simulated one consumer at a time so
 * that every payment pays what is open at that moment: monthly bills (a
 * consumer's bills are kept for the months they paid here and for a share
 * of the months they left unpaid, which later payments may clear as arrears),
 * service charges, payment plans, and the visits that pay them, with the
 * credit notes those visits issue and spend. Pure: the same seed and targets
 * give the same history; ids are assigned when it is written.
 */

export type ItemKind = 'bill' | 'service' | 'installment';
export type Channel = 'walk_in' | 'field' | 'online';
export type Method = 'cash' | 'card' | 'mpesa' | 'bank_transfer' | 'credit_note';
export type Status = 'posted' | 'pending' | 'failed' | 'cancelled' | 'reversed';

export interface PlannedItem {
  kind: ItemKind;
  id: string;
  amount: number;
  /** What is left to pay, as the simulation goes. */
  open: number;
  issuedDay: number;
  dueDay: number;
}
export interface PlannedBill extends PlannedItem { invoiceNumber: string; period: string }
export interface PlannedCharge extends PlannedItem { description: string }
export interface PlannedInstallment extends PlannedItem { number: number }
export interface PlannedPlan { id: string; consumerId: string; createdAt: number; total: number; installments: PlannedInstallment[] }

export interface PlannedAllocation { item: PlannedItem; amount: number; openBefore: number }

export interface PlannedPayment {
  consumerId: string;
  at: number;
  recordDay: number;
  paymentDay: number;
  type: ItemKind;
  channel: Channel;
  method: Method;
  status: Status;
  amount: number;
  received: number | null;
  allocations: PlannedAllocation[];
  /** Username of who recorded it; 'system' online. */
  recordedBy: string;
  /** The note a credit tender spent. */
  spends: PlannedNote | null;
  reversal: { at: number; reason: string; replacement: PlannedPayment | null } | null;
  replaces: PlannedPayment | null;
  /** When the centre matched an M-PESA or bank payment; null while pending or when nothing needs matching. */
  verifiedAt: number | null;
  notes: string | null;
  /** Set when written. */
  id: string;
  receiptNumber: string;
}

export interface PlannedNote {
  consumerId: string;
  payment: PlannedPayment;
  amount: number;
  reason: string;
  remarks: string | null;
  createdAt: number;
  issuedDay: number;
  expiresOn: string;
  createdBy: string;
  approvedBy: string | null;
  remaining: number;
  applications: PlannedPayment[];
  cancelledAt: number | null;
  expiredAt: number | null;
  forfeited: number;
  id: string;
  number: string;
}

export interface PlannedConsumer { id: string; accountNumber: string; name: string; serviceAddress: string; phone: string; email: string; status: string; type: string }

export interface AccountSink {
  account(consumer: PlannedConsumer, bills: PlannedBill[], charges: PlannedCharge[]): void;
}

export interface HistoryTargets { consumers: number; payments: number; creditNotes: number }

export interface PlannedHistory { payments: PlannedPayment[]; notes: PlannedNote[]; plans: PlannedPlan[] }

/** Shares of payments by what they pay, used to size the bill, plan and note rates from the targets. */
const BILL_VISIT_SHARE = 0.745;
const INSTALLMENT_SHARE = 0.085;
const OVERPAYMENT_NOTE_SHARE = 0.7;
/** How a visit goes: paid online or to a field agent; an online attempt failing; a payment cancelled before posting or reversed after; a part payment; credit on hand spent. */
const P_ONLINE = 0.075;
const P_FIELD = 0.04;
const P_ONLINE_FAILED = 0.14;
const P_CANCELLED = 0.005;
const P_REVERSED = 0.012;
const P_PARTIAL = 0.16;
const P_APPLY_CREDIT = 0.6;
const OVERPAYMENT_LIMIT = 500_000;

type Random = () => number;

export function planBranchHistory(calendar: HistoryCalendar, targets: HistoryTargets, random: Random, newId: (ms: number) => string, sink: AccountSink): PlannedHistory {
  const consumers = Array.from({ length: targets.consumers }, (_, n) => consumerTraits(calendar, random, n));
  // Scale how often each consumer pays here so that bill visits come to their share of the target.
  let expected = 0;
  for (const c of consumers) forEachBillMonth(calendar, c, (_day, chance) => (expected += chance));
  const rates: Rates = {
    billScale: (targets.payments * BILL_VISIT_SHARE) / Math.max(1, expected),
    plan: (targets.payments * INSTALLMENT_SHARE) / 7.5 / Math.max(1, targets.consumers),
    // Overpayments come from bill visits at the counter (about 88% of them), notes by hand from posted payments (about 93% of all).
    overpayment: (targets.creditNotes * OVERPAYMENT_NOTE_SHARE) / (targets.payments * BILL_VISIT_SHARE * 0.88),
    manualNote: (targets.creditNotes * (1 - OVERPAYMENT_NOTE_SHARE)) / (targets.payments * 0.93),
  };
  const history: PlannedHistory = { payments: [], notes: [], plans: [] };
  consumers.forEach((traits, n) => new Account(calendar, random, newId, rates, traits, n, history, sink).simulate());
  return history;
}

interface Rates { billScale: number; plan: number; overpayment: number; manualNote: number }

interface ConsumerTraits {
  joinDay: number;
  /** The day service ended (disconnected), or past the last day. */
  leaveDay: number;
  status: string;
  routeDay: number;
  commercial: boolean;
  baseBill: number;
  /** How likely a month's bill is paid at this branch, before scaling. */
  loyalty: number;
  habit: Method;
}

function consumerTraits(calendar: HistoryCalendar, random: Random, n: number): ConsumerTraits {
  // Most accounts predate the history; the rest join through it, so the branch grows.
  const joinDay = random() < 0.65 ? -1 - Math.floor(random() * 3650) : Math.floor(random() * (calendar.last - 30));
  const roll = random();
  const status = roll < 0.05 ? 'disconnected' : roll < 0.09 ? 'suspended' : 'active';
  const leaveDay = status === 'disconnected' ? Math.max(joinDay, 0) + 120 + Math.floor(random() * Math.max(1, calendar.last - Math.max(joinDay, 0) - 120)) : calendar.last + 1;
  const commercial = random() < 0.15;
  const baseBill = commercial ? clamp(Math.exp(Math.log(900_000) + normal(random) * 0.7), 200_000, 15_000_000) : clamp(Math.exp(Math.log(180_000) + normal(random) * 0.5), 30_000, 1_200_000);
  const kind = random();
  const loyalty = kind < 0.35 ? 0.9 : kind < 0.7 ? 0.35 : 0.08;
  return { joinDay, leaveDay, status, routeDay: 1 + (n % 28), commercial, baseBill, loyalty, habit: counterMethod(random, Math.max(0, joinDay) / calendar.last, commercial) };
}

/** Each month's bill day of the consumer's time with the branch, and the unscaled chance that bill is paid here. */
function forEachBillMonth(calendar: HistoryCalendar, c: ConsumerTraits, visit: (day: number, chance: number) => void): void {
  for (let k = 0; k < calendar.monthFirst.length; k++) {
    const day = calendar.monthFirst[k]! + c.routeDay - 1;
    if (day < Math.max(0, c.joinDay) || day > calendar.last || day > c.leaveDay) continue;
    visit(day, c.loyalty * (0.85 + (0.3 * day) / calendar.last));
  }
}

function counterMethod(random: Random, t: number, commercial: boolean): Method {
  const cash = commercial ? 0.2 - 0.1 * t : 0.4 - 0.2 * t;
  const bank = commercial ? 0.3 : 0.07;
  const card = 0.13;
  const roll = random();
  if (roll < cash) return 'cash';
  if (roll < cash + bank) return 'bank_transfer';
  if (roll < cash + bank + card) return 'card';
  return 'mpesa';
}

/** One consumer's five years: items first, then every visit in date order against what is open. */
class Account {
  private readonly bills: PlannedBill[] = [];
  private readonly charges: PlannedCharge[] = [];
  private readonly notes: PlannedNote[] = [];
  private readonly queue: Array<{ day: number; kind: 'bill' | 'rest' | ItemKind; item: PlannedItem }> = [];
  private readonly consumer: PlannedConsumer;

  constructor(
    private readonly calendar: HistoryCalendar,
    private readonly random: Random,
    private readonly newId: (ms: number) => string,
    private readonly rates: Rates,
    private readonly traits: ConsumerTraits,
    n: number,
    private readonly history: PlannedHistory,
    private readonly sink: AccountSink,
  ) {
    const person = personOf(random, n, traits.commercial);
    this.consumer = {
      id: newId(calendar.midnight[0]! + traits.joinDay * DAY_MS + 9 * 3_600_000),
      accountNumber: `WU-${100_001 + n}`,
      ...person,
      status: traits.status,
      type: traits.commercial ? 'Commercial' : 'Residential',
    };
  }

  simulate(): void {
    this.issueBills();
    this.issueServiceCharges();
    this.agreePlan();
    this.queue.sort((a, b) => a.day - b.day);
    while (this.queue.length > 0) {
      const next = this.queue.shift()!;
      if (next.day > this.traits.leaveDay + 60) continue;
      this.visit(next.kind, next.item, next.day);
    }
    this.expireNotes();
    this.sink.account(this.consumer, this.bills, this.charges);
  }

  private r(): number {
    return this.random();
  }

  private between(low: number, high: number): number {
    return low + Math.floor(this.r() * (high - low + 1));
  }

  private later(day: number, kind: 'bill' | 'rest' | ItemKind, item: PlannedItem): void {
    let i = this.queue.length;
    while (i > 0 && this.queue[i - 1]!.day > day) i--;
    this.queue.splice(i, 0, { day, kind, item });
  }

  private issueBills(): void {
    const { calendar, traits } = this;
    forEachBillMonth(calendar, traits, (day, chance) => {
      const paid = Math.min(0.97, chance * this.rates.billScale);
      const roll = this.r();
      if (roll >= paid * 1.14) return; // a month settled elsewhere: not this branch's bill to keep
      const date = calendar.date[day]!;
      const years = day / 365;
      const amount = Math.round(traits.baseBill * (1 + 0.06 * years) * (0.85 + 0.3 * this.r()));
      const bill: PlannedBill = {
        kind: 'bill',
        id: this.newId(calendar.midnight[day]! + 3_600_000 + Math.floor(this.r() * 3_600_000)),
        invoiceNumber: `INV-${date.slice(0, 4)}${date.slice(5, 7)}-${this.consumer.accountNumber.slice(3)}`,
        period: `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`,
        amount,
        open: amount,
        issuedDay: day,
        dueDay: day + 15,
      };
      this.bills.push(bill);
      if (roll < paid) this.queue.push({ day: day + this.paymentDelay(), kind: 'bill', item: bill });
    });
  }

  /** Days from a bill's issue to its payment: most before the due date, some late, a few very late. */
  private paymentDelay(): number {
    const roll = this.r();
    if (roll < 0.6) return this.between(2, 15);
    if (roll < 0.88) return this.between(16, 40);
    return this.between(41, 75);
  }

  private charge(description: string, amount: number, day: number): PlannedCharge {
    const charge: PlannedCharge = { kind: 'service', id: this.newId(this.calendar.midnight[day]! + 8 * 3_600_000 + Math.floor(this.r() * 8 * 3_600_000)), description, amount, open: amount, issuedDay: day, dueDay: day };
    this.charges.push(charge);
    return charge;
  }

  private issueServiceCharges(): void {
    const { calendar, traits } = this;
    const first = Math.max(0, traits.joinDay);
    const end = Math.min(calendar.last, traits.leaveDay);
    if (traits.joinDay > 0 && this.r() < 0.4) {
      const fee = this.charge('New Connection Fee', this.between(50, 85) * 10_000, traits.joinDay);
      if (this.r() < 0.9) this.queue.push({ day: traits.joinDay + this.between(0, 5), kind: 'service', item: fee });
    }
    for (let year = first; year < end; year += 365) {
      if (this.r() >= 0.035) continue;
      const day = Math.min(end, year + Math.floor(this.r() * 365));
      const fee = this.charge('Reconnection Fee', traits.commercial ? 500_000 : 200_000, day);
      if (this.r() < 0.9) this.queue.push({ day: day + this.between(0, 3), kind: 'service', item: fee });
    }
    if (end > first && this.r() < 0.03) {
      const day = first + Math.floor(this.r() * (end - first));
      const fee = this.charge(this.r() < 0.7 ? 'Meter Test Fee' : 'Meter Relocation Fee', this.r() < 0.7 ? 100_000 : 350_000, day);
      if (this.r() < 0.85) this.queue.push({ day: day + this.between(0, 10), kind: 'service', item: fee });
    }
  }

  /** Arrears moved onto a monthly schedule, agreed early enough that every installment has been paid by today. */
  private agreePlan(): void {
    const { calendar, traits } = this;
    if (this.r() >= this.rates.plan) return;
    const count = this.between(3, 12);
    const earliest = Math.max(0, traits.joinDay) + 60;
    const latest = Math.min(traits.leaveDay - 31 * count, calendar.last - 31 * count - 20);
    if (latest <= earliest) return;
    const day = this.between(earliest, latest);
    const createdAt = this.officeTime(day);
    const total = Math.round((traits.baseBill * (2 + this.r() * 6)) / 10_000) * 10_000;
    const each = Math.floor(total / count / 100) * 100;
    const plan: PlannedPlan = { id: this.newId(createdAt), consumerId: this.consumer.id, createdAt, total, installments: [] };
    for (let number = 1; number <= count; number++) {
      const amount = number === count ? total - each * (count - 1) : each;
      const dueDay = calendar.dayOf.get(addMonths(calendar.date[day]!, number))!;
      const installment: PlannedInstallment = { kind: 'installment', id: this.newId(createdAt + number), number, amount, open: amount, issuedDay: day, dueDay };
      plan.installments.push(installment);
      this.queue.push({ day: dueDay + this.between(-6, 6), kind: 'installment', item: installment });
    }
    this.history.plans.push(plan);
  }

  private officeTime(day: number): number {
    return this.calendar.midnight[day]! + minuteOfVisit(this.random, this.calendar.weekday[day]!, 'walk_in') * 60_000 + Math.floor(this.r() * 60_000);
  }

  /** The day a visit aimed at `target` happens: busy days are likelier, and the counter is shut on Sundays and holidays. */
  private visitDay(target: number, online: boolean): number {
    const weights = online ? this.calendar.onlineWeight : this.calendar.counterWeight;
    for (let attempt = 0; attempt < 40; attempt++) {
      const day = attempt === 0 ? target : target + this.between(-4, 4);
      if (day > this.calendar.last) return day;
      if (day >= 0 && this.r() < weights[day]!) return day;
    }
    return target;
  }

  private visit(kind: 'bill' | 'rest' | ItemKind, item: PlannedItem, target: number): void {
    if (item.open <= 0) return;
    const type: ItemKind = kind === 'rest' ? 'bill' : kind;
    const channel: Channel = type === 'bill' && kind === 'bill' && this.r() < P_ONLINE ? 'online' : this.r() < P_FIELD ? 'field' : 'walk_in';
    const day = Math.max(item.issuedDay, this.visitDay(target, channel === 'online'));
    if (day > this.calendar.last) return;
    let at = this.calendar.midnight[day]! + minuteOfVisit(this.random, this.calendar.weekday[day]!, channel) * 60_000 + Math.floor(this.r() * 60_000);
    if (at > this.calendar.nowMs) return;
    const items = kind === 'bill' ? this.withArrears(item, day) : [item];

    if (channel === 'online') {
      const due = openOf(items);
      if (this.r() < P_ONLINE_FAILED) {
        this.record({ at, day, type, channel, method: this.onlineMethod(), status: 'failed', amount: due, items: [] });
        at += this.between(2, 40) * 60_000;
        if (this.r() > 0.75 || at > this.calendar.nowMs) return;
      }
      // Awaiting settlement: most of the last few days' online payments, and a few the gateway never confirmed.
      const pending = this.r() < (day >= this.calendar.last - 4 ? 0.5 : 0.03);
      this.record({ at, day, type, channel, method: this.onlineMethod(), status: pending ? 'pending' : 'posted', amount: due, items: pending ? [] : items });
      return;
    }

    const t = day / this.calendar.last;
    const method = channel === 'field' ? (this.r() < 0.7 ? 'mpesa' : 'cash') : this.r() < 0.55 ? this.traits.habit : counterMethod(this.random, t, this.traits.commercial);
    if (this.r() < P_CANCELLED) {
      this.record({ at, day, type, channel, method, status: 'cancelled', amount: openOf(items), items: [], notes: 'Cancelled before posting: the customer changed the amount' });
      at += this.between(3, 12) * 60_000;
    }
    const credit = channel === 'walk_in' ? this.usableNote(at, day) : null;
    if (credit && this.r() < P_APPLY_CREDIT) {
      // Some customers keep part of their credit for later.
      const usable = Math.min(credit.remaining, openOf(items));
      const part = this.r() < 0.3 ? Math.floor((usable * (0.2 + 0.6 * this.r())) / 10_000) * 10_000 : 0;
      const spent = this.record({ at, day, type, channel, method: 'credit_note', status: 'posted', amount: part > 0 ? part : usable, items });
      spent.spends = credit;
      credit.remaining -= spent.amount;
      credit.applications.push(spent);
      at += 60_000;
    }
    const due = openOf(items);
    if (due <= 0) return;

    const roll = this.r();
    let amount = due;
    let overpaid = 0;
    if (type === 'bill' && kind === 'bill' && roll < this.rates.overpayment) overpaid = this.overpayment(due);
    else if (type === 'bill' && roll < this.rates.overpayment + P_PARTIAL && due >= 50_000) amount = Math.max(10_000, Math.floor((due * (0.3 + 0.6 * this.r())) / 10_000) * 10_000);
    const payment = this.record({ at, day, type, channel, method, status: 'posted', amount: amount + overpaid, items, pays: amount });
    const note = overpaid > 0 ? this.issueNote(payment, overpaid, 'overpayment', null, at, day, payment.recordedBy, null) : null;

    if (this.r() < P_REVERSED) this.reverse(payment, items, note);
    else if (this.r() < this.rates.manualNote) this.creditByHand(payment, overpaid);
    if (amount < due && this.r() < 0.8) this.later(day + this.between(7, 35), 'rest', item);
    if (kind === 'bill' && day > item.dueDay + 20 && this.r() < 0.3) {
      const fee = this.charge('Late Fee', 30_000, item.dueDay + 1);
      if (this.r() < 0.75) this.later(day, 'service', fee);
    }
  }

  /** Older bills still open are often cleared in the same visit, oldest first. */
  private withArrears(item: PlannedItem, day: number): PlannedItem[] {
    const older = this.bills.filter((b) => b.open > 0 && b.issuedDay < item.issuedDay && b.issuedDay <= day && this.r() < 0.5).slice(-3);
    return [...older, item];
  }

  private onlineMethod(): Method {
    return this.r() < 0.6 ? 'mpesa' : 'card';
  }

  /** What a customer leaves over a bill: the change rounded to a note, or a round sum on account. */
  private overpayment(due: number): number {
    const roll = this.r();
    const step = roll < 0.4 ? 50_000 : roll < 0.7 ? 100_000 : 0;
    const over = step > 0 ? Math.ceil((due + 100) / step) * step - due : this.between(50, 3000) * 100;
    return Math.min(OVERPAYMENT_LIMIT, over);
  }

  private record(visit: { at: number; day: number; type: ItemKind; channel: Channel; method: Method; status: Status; amount: number; items: PlannedItem[]; pays?: number; notes?: string }): PlannedPayment {
    const { calendar } = this;
    const online = visit.channel === 'online';
    // A transfer is recorded when it reaches the account: its payment date may be a few days earlier.
    const backdated = visit.method === 'bank_transfer' ? [0, 0, 0, 0, 0, 1, 1, 1, 2, 3][this.between(0, 9)]! : visit.method === 'mpesa' && this.r() < 0.02 ? 1 : 0;
    const issued = Math.max(0, ...visit.items.map((i) => i.issuedDay));
    const needsMatching = !online && (visit.method === 'mpesa' || visit.method === 'bank_transfer');
    const matchedAt = visit.at + this.between(2, 240) * 60_000;
    const payment: PlannedPayment = {
      consumerId: this.consumer.id,
      at: visit.at,
      recordDay: visit.day,
      paymentDay: Math.max(issued, visit.day - backdated),
      type: visit.type,
      channel: visit.channel,
      method: visit.method,
      status: visit.status,
      amount: visit.amount,
      received: visit.method === 'cash' ? cashTendered(visit.amount, this.r()) : null,
      allocations: visit.status === 'posted' ? allocate(visit.items, visit.pays ?? visit.amount) : [],
      recordedBy: online ? 'system' : visit.channel === 'field' ? 'peter' : cashierAt(this.random, visit.day / calendar.last),
      spends: null,
      reversal: null,
      replaces: null,
      verifiedAt: needsMatching && matchedAt <= calendar.nowMs && !(visit.day >= calendar.last - 1 && this.r() < 0.3) ? matchedAt : null,
      notes: visit.notes ?? null,
      id: '',
      receiptNumber: '',
    };
    this.history.payments.push(payment);
    return payment;
  }

  private usableNote(at: number, day: number): PlannedNote | null {
    const date = this.calendar.date[day]!;
    const usable = this.notes.filter((n) => n.createdAt < at && n.cancelledAt === null && n.remaining > 0 && date <= n.expiresOn);
    return usable.sort((a, b) => a.expiresOn.localeCompare(b.expiresOn))[0] ?? null;
  }

  private issueNote(payment: PlannedPayment, amount: number, reason: string, remarks: string | null, at: number, day: number, by: string, approvedBy: string | null): PlannedNote {
    const note: PlannedNote = {
      consumerId: this.consumer.id,
      payment,
      amount,
      reason,
      remarks,
      createdAt: at,
      issuedDay: day,
      expiresOn: addMonths(this.calendar.date[day]!, 12),
      createdBy: by,
      approvedBy,
      remaining: amount,
      applications: [],
      cancelledAt: null,
      expiredAt: null,
      forfeited: 0,
      id: '',
      number: '',
    };
    this.notes.push(note);
    this.history.notes.push(note);
    return note;
  }

  /** A manager undoes the payment the same day; most are then taken again correctly. */
  private reverse(payment: PlannedPayment, items: PlannedItem[], note: PlannedNote | null): void {
    const at = payment.at + this.between(15, 300) * 60_000;
    if (at > this.calendar.nowMs) return;
    payment.status = 'reversed';
    for (const allocation of payment.allocations) allocation.item.open += allocation.amount;
    if (note) note.cancelledAt = at;
    const reason = REVERSAL_REASONS[this.between(0, REVERSAL_REASONS.length - 1)]!;
    payment.reversal = { at, reason, replacement: null };
    if (payment.type !== 'installment' && this.r() < 0.2) return;
    const replacement = this.record({ at: at + this.between(2, 10) * 60_000, day: payment.recordDay, type: payment.type, channel: payment.channel, method: payment.method, status: 'posted', amount: openOf(items), items });
    replacement.replaces = payment;
    payment.reversal.replacement = replacement;
  }

  /** A credit note a branch manager makes on a posted payment some days later. */
  private creditByHand(payment: PlannedPayment, alreadyCredited: number): void {
    const day = payment.recordDay + this.between(1, 25);
    if (day > this.calendar.last) return;
    const at = this.officeTime(day);
    const maximum = payment.amount - alreadyCredited;
    if (at > this.calendar.nowMs || maximum < 10_000) return;
    const [reason, low, high, remarks] = MANUAL_REASONS[this.between(0, MANUAL_REASONS.length - 1)]!;
    const amount = Math.min(maximum, Math.max(10_000, Math.round((maximum * (low + (high - low) * this.r())) / 100) * 100));
    this.issueNote(payment, amount, reason, this.r() < 0.6 ? remarks : null, at, day, 'mary', 'mary');
  }

  /** Credit left on a note past its expiry day is forfeited the next morning, when the counter starts. */
  private expireNotes(): void {
    for (const note of this.notes) {
      if (note.cancelledAt !== null || note.remaining <= 0 || note.expiresOn >= this.calendar.today) continue;
      const day = this.calendar.dayOf.get(note.expiresOn)! + 1;
      note.expiredAt = Math.min(this.calendar.nowMs, this.calendar.midnight[day]! + 7 * 3_600_000);
      note.forfeited = note.remaining;
      note.remaining = 0;
    }
  }
}

const REVERSAL_REASONS = ['Recorded on the wrong account', 'Amount keyed wrongly', 'Duplicate entry', 'M-PESA payment not received', 'Customer paid twice by mistake'];

/** Reason, the share of what is left of the payment it credits (low, high), a typical remark. */
const MANUAL_REASONS: Array<[string, number, number, string]> = [
  ['duplicate_payment', 1, 1, 'Paid the same bill twice, at the counter and by M-PESA'],
  ['duplicate_payment', 1, 1, 'Duplicate payment reported by the customer'],
  ['billing_error', 0.1, 0.5, 'Meter read wrongly; bill recalculated'],
  ['billing_error', 0.1, 0.5, 'Estimated reading corrected after actual read'],
  ['billing_adjustment', 0.05, 0.3, 'Tariff adjustment for the period'],
  ['billing_adjustment', 0.05, 0.3, 'Leak allowance approved'],
  ['refund_request', 0.2, 1, 'Customer asked for a refund; held as credit'],
  ['customer_request', 0.1, 0.6, 'Customer request approved by the branch manager'],
  ['other', 0.05, 0.5, 'Goodwill credit after a supply interruption'],
];

/** Oldest first: each item takes what it still owes until the money runs out. */
function allocate(items: PlannedItem[], amount: number): PlannedAllocation[] {
  const allocations: PlannedAllocation[] = [];
  let left = amount;
  for (const item of items) {
    if (left <= 0) break;
    const applied = Math.min(item.open, left);
    if (applied <= 0) continue;
    allocations.push({ item, amount: applied, openBefore: item.open });
    item.open -= applied;
    left -= applied;
  }
  return allocations;
}

const openOf = (items: PlannedItem[]) => items.reduce((sum, item) => sum + Math.max(0, item.open), 0);

/** Notes handed over for cash: the amount rounded up to 50, 100, 500 or 1,000 shillings. */
function cashTendered(amount: number, roll: number): number {
  const step = roll < 0.2 ? 5_000 : roll < 0.5 ? 10_000 : roll < 0.8 ? 50_000 : 100_000;
  return Math.ceil(amount / step) * step;
}

/** The cashiers of five years: Jane throughout, Lucy in the first half, Brian and Faith joining later. */
function cashierAt(random: Random, t: number): string {
  const on = ['jane', ...(t < 0.55 ? ['lucy'] : []), ...(t > 0.3 ? ['brian'] : []), ...(t > 0.65 ? ['faith'] : [])];
  return on[Math.floor(random() * on.length)]!;
}

function normal(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

const clamp = (value: number, low: number, high: number) => Math.round(Math.min(high, Math.max(low, value)));
