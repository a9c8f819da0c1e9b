import type { TillReport } from '../api/calls/tills.js';
import { APPROVES, type SignedInUser } from '../auth/roles.js';
import { add, cents, subtract, ZERO, type Cents } from '../money.js';
import { TENDER_CODES, type TenderCode } from '../payments/tenders.js';
import type { CounterSettings } from '../settings/settings.js';
import { expectedCash } from './expected-cash.js';
import type { TillLine, TillSessionRecord } from './till-session.js';
import { closingDecision, type MethodVariance, type TenderCounted } from './variance-rules.js';

/** Everything a till's figures are read from, as stored. */
export interface TillFacts {
  session: TillSessionRecord;
  lines: TillLine[];
  /** Every payment taken into the session, in order, whatever became of it later. */
  payments: Array<{ method: TenderCode; amount: Cents; amountReceived: Cents | null; change: Cents | null; receiptNumber: string }>;
  /** Reversals whose money went through this session's drawer. */
  reversals: Array<{ number: string; receiptNumber: string; method: TenderCode; amount: Cents; at: string }>;
  creditNotes: Array<{ number: string; receiptNumber: string; amount: Cents; reason: string }>;
  /** Display names of everyone the lines and the session name. */
  names: Readonly<Record<string, string>>;
}

export const COUNTED_METHODS: readonly TenderCounted[] = ['cash', 'card', 'mpesa'];

const sum = (amounts: Cents[]) => add(ZERO, ...amounts);

/** Expected per counted method: cash by the drawer formula, card and M-PESA as taken less reversed. */
export function expectedByMethod(facts: TillFacts): Record<TenderCounted, Cents> {
  const net = (method: TenderCode) => subtract(sum(facts.payments.filter((p) => p.method === method).map((p) => p.amount)), sum(facts.reversals.filter((r) => r.method === method).map((r) => r.amount)));
  return { cash: expectedCash(cashFlow(facts)), card: net('card'), mpesa: net('mpesa') };
}

function cashFlow(facts: TillFacts) {
  const cash = facts.payments.filter((p) => p.method === 'cash');
  const moved = (kind: 'cash_in' | 'cash_out') => sum(facts.lines.filter((l) => l.kind === kind).map((l) => l.amount));
  return {
    openingFloat: facts.session.openingFloat,
    cashReceived: sum(cash.map((p) => p.amountReceived ?? p.amount)),
    changeGiven: sum(cash.map((p) => p.change ?? ZERO)),
    cashIn: moved('cash_in'),
    cashOut: moved('cash_out'),
    cashRefunds: sum(facts.reversals.filter((r) => r.method === 'cash').map((r) => r.amount)),
  };
}

/** Each counted method's expected, counted and variance for a count just made. */
export function varianceOfCount(facts: TillFacts, counted: Record<TenderCounted, Cents>): MethodVariance[] {
  const expected = expectedByMethod(facts);
  return COUNTED_METHODS.map((method) => ({ method, expected: expected[method], counted: counted[method], variance: cents(counted[method] - expected[method]) }));
}

/**
 * The X report of an open till and the Z report of a closed one. With a blind
 * count, a cashier sees no amount that would give the drawer away until they
 * have counted it; a branch manager always sees everything.
 */
export function tillReport(facts: TillFacts, viewer: SignedInUser, settings: CounterSettings): TillReport {
  const { session, lines, names } = facts;
  const nameOf = (id: string) => names[id] ?? id;
  const counts = lines.filter((l) => l.kind === 'count');
  const latest = counts.at(-1);
  const blind = settings.tills.blindCount && !latest && !APPROVES.includes(viewer.role);
  const flow = cashFlow(facts);
  const hidden = <T>(value: T, method: TenderCode = 'cash') => (blind && (COUNTED_METHODS as readonly string[]).includes(method) ? null : value);
  const labelOf = (method: TenderCode) => (method === 'credit_note' ? 'Credit note' : (settings.paymentMethods.find((m) => m.code === method)?.label ?? method));

  const used = new Set<TenderCode>([...COUNTED_METHODS, ...facts.payments.map((p) => p.method), ...facts.reversals.map((r) => r.method)]);
  const methods = TENDER_CODES.filter((method) => used.has(method)).map((method) => {
    const taken = facts.payments.filter((p) => p.method === method);
    const reversed = facts.reversals.filter((r) => r.method === method);
    const takenTotal = sum(taken.map((p) => p.amount));
    const reversedTotal = sum(reversed.map((r) => r.amount));
    return {
      method,
      label: labelOf(method),
      payments: taken.length,
      taken: hidden(takenTotal, method),
      reversals: reversed.length,
      reversed: hidden(reversedTotal, method),
      net: hidden(subtract(takenTotal, reversedTotal), method),
    };
  });

  const opening = lines.find((l) => l.kind === 'opening_float');
  const approval = lines.find((l) => l.kind === 'variance_approval');
  const close = lines.find((l) => l.kind === 'close');
  const variances = latest?.variances ?? [];
  const decision = closingDecision(variances, latest?.tolerance ?? cents(settings.tills.varianceTolerance));
  const receipts = facts.payments.map((p) => p.receiptNumber);

  return {
    session: { ...sessionView(session, nameOf(session.cashierId)) },
    blind,
    cash: {
      openingFloat: session.openingFloat,
      received: hidden(flow.cashReceived),
      changeGiven: hidden(flow.changeGiven),
      cashIn: flow.cashIn,
      cashOut: flow.cashOut,
      refunds: hidden(flow.cashRefunds),
      expected: hidden(expectedCash(flow)),
    },
    methods,
    movements: lines.flatMap((l) =>
      l.kind === 'cash_in' || l.kind === 'cash_out'
        ? [{ id: l.id, at: l.at, direction: l.kind === 'cash_in' ? ('in' as const) : ('out' as const), amount: l.amount, reason: l.reason, by: nameOf(l.by), approvedBy: l.approvedBy && nameOf(l.approvedBy) }]
        : [],
    ),
    receipts: { count: receipts.length, first: receipts[0] ?? null, last: receipts.at(-1) ?? null },
    reversals: facts.reversals.map((r) => ({ number: r.number, receiptNumber: r.receiptNumber, methodLabel: labelOf(r.method), amount: hidden(r.amount, r.method), at: r.at })),
    creditNotes: facts.creditNotes,
    openingCounts: opening?.kind === 'opening_float' ? opening.counts : null,
    counts: counts.map((l, index) => ({ at: l.at, by: nameOf(l.by), recount: index > 0, denominations: l.counts, cash: l.amount, card: l.card, mpesa: l.mpesa })),
    variances,
    beyondTolerance: decision.needsApproval ? decision.beyond : [],
    approval: approval?.kind === 'variance_approval' ? { by: nameOf(approval.approvedBy), reason: approval.reason, at: approval.at } : null,
    closedBy: close ? nameOf(close.by) : null,
  };
}

/** One line of the end-of-day list: what the branch manager compares across tills, and what the centre passes to the branch. */
export interface TillSummary {
  id: string;
  number: string;
  terminalCode: string;
  cashierName: string;
  businessDate: string;
  status: TillSessionRecord['status'];
  openedAt: string;
  closedAt: string | null;
  /** Net of every tender taken. */
  taken: Cents;
  cashExpected: Cents | null;
  cashCounted: Cents | null;
  variance: Cents | null;
  approvedBy: string | null;
}

export function tillSummary(facts: TillFacts): TillSummary {
  const { session, lines, names } = facts;
  const latest = lines.filter((l) => l.kind === 'count').at(-1);
  const cash = latest?.variances.find((v) => v.method === 'cash');
  const approval = lines.find((l) => l.kind === 'variance_approval');
  return {
    id: session.id,
    number: session.number,
    terminalCode: session.terminalCode,
    cashierName: names[session.cashierId] ?? session.cashierId,
    businessDate: session.businessDate,
    status: session.status,
    openedAt: session.openedAt,
    closedAt: session.closedAt,
    taken: subtract(sum(facts.payments.map((p) => p.amount)), sum(facts.reversals.map((r) => r.amount))),
    cashExpected: cash?.expected ?? null,
    cashCounted: cash?.counted ?? null,
    variance: latest ? sum(latest.variances.map((v) => v.variance)) : null,
    approvedBy: approval?.kind === 'variance_approval' ? (names[approval.approvedBy] ?? approval.approvedBy) : null,
  };
}

export function sessionView(session: TillSessionRecord, cashierName: string): TillReport['session'] {
  return {
    id: session.id,
    number: session.number,
    terminalCode: session.terminalCode,
    cashier: { id: session.cashierId, name: cashierName },
    businessDate: session.businessDate,
    status: session.status,
    openedAt: session.openedAt,
    closedAt: session.closedAt,
    openingFloat: session.openingFloat,
  };
}
