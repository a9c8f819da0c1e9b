import dayjs from 'dayjs';
import type { TillReport } from '../api/calls/tills.js';
import { CREDIT_NOTE_REASON_LABELS, type CreditNoteReason } from '../credit-notes/credit-note.js';
import { cents, formatMoneyAscii } from '../money.js';
import type { CounterSettings } from '../settings/settings.js';
import { faceValue } from '../tills/denominations.js';
import { documentHead, finishDocument, pair, rule, text, type Printing } from './document-parts.js';
import type { DocumentLine, PrintDocument } from './print-document.js';

/** What a blind report prints where a figure would give the count away. */
export const HIDDEN_BLIND = 'hidden (blind count)';

const STATUS_LABELS: Record<TillReport['session']['status'], string> = {
  open: 'Open',
  awaiting_approval: 'Awaiting approval',
  closed: 'Closed',
};

const heading = (title: string) => text(title, { bold: true });

/**
 * The Z report: the record of a till's close, printed once it is closed and
 * kept with the day's cash-up. Every reprint says COPY, as a receipt does.
 */
export function buildZReport(report: TillReport, settings: CounterSettings, printing: Printing): PrintDocument {
  if (report.session.status !== 'closed') throw new Error(`Till ${report.session.number} is not closed yet`);
  const lines = [...documentHead(settings, 'Z REPORT', printing), ...tillFigures(report, settings, 'z')];
  return finishDocument('Z report', report.session.number, printing, lines);
}

/**
 * The X report: a reading of a till's figures so far. It changes and closes
 * nothing, so each one is a fresh reading with the time it was read, never a
 * copy; where the cashier's count is still blind the amounts are withheld.
 */
export function buildXReport(report: TillReport, settings: CounterSettings, readAt: Date | string): PrintDocument {
  const fresh: Printing = { copyNumber: 0 };
  const lines = [
    ...documentHead(settings, 'X REPORT', fresh),
    text('A reading: this closes nothing', { align: 'center' }),
    pair('Read at', dayjs(readAt).format(`${settings.dateFormat} HH:mm`), true),
    rule,
    ...tillFigures(report, settings, 'x'),
  ];
  return finishDocument('X report', report.session.number, fresh, lines);
}

/** The figures both reports print, the X report's so far and the Z report's at the close. */
function tillFigures(report: TillReport, settings: CounterSettings, kind: 'x' | 'z'): DocumentLine[] {
  const money = (amount: number) => formatMoneyAscii(cents(amount), settings.currency);
  const shown = (amount: number | null) => (amount === null ? HIDDEN_BLIND : money(amount));
  const when = (at: string) => dayjs(at).format(`${settings.dateFormat} HH:mm`);
  const { session, cash } = report;
  /** The hour alone on the business day itself, which the head already names. */
  const time = (at: string) => (dayjs(at).format('YYYY-MM-DD') === session.businessDate ? dayjs(at).format('HH:mm') : when(at));
  const labelOf = (method: string) => report.methods.find((m) => m.method === method)?.label ?? method;
  const tolerance = cents(settings.tills.varianceTolerance);

  const denominationLines = (counts: Readonly<Record<string, number>>): DocumentLine[] =>
    Object.entries(counts)
      .filter(([, pieces]) => pieces > 0)
      .sort(([a], [b]) => Number(b) - Number(a))
      .map(([value, pieces]) => pair(`  ${faceValue(cents(Number(value)))} x ${pieces}`, money(Number(value) * pieces)));

  const lines: DocumentLine[] = [
    pair('Till', session.number, true),
    pair('Terminal', session.terminalCode),
    pair('Cashier', session.cashier.name),
    pair('Business day', dayjs(session.businessDate).format(settings.dateFormat)),
    pair('Opened', when(session.openedAt)),
    pair('Closed', session.closedAt ? when(session.closedAt) : 'not yet'),
    ...(kind === 'x' ? [pair('Status', STATUS_LABELS[session.status])] : []),
    ...(report.blind ? [text('Blind count: amounts are hidden until the drawer is counted.')] : []),
    rule,

    heading('OPENING FLOAT'),
    pair('Opening float', money(cash.openingFloat), true),
    ...(report.openingCounts ? denominationLines(report.openingCounts) : []),
    rule,

    heading('BY METHOD'),
    ...report.methods.flatMap((m) => [
      text(m.label, { bold: true }),
      pair(`  Payments (${m.payments})`, shown(m.taken)),
      pair(`  Reversals (${m.reversals})`, shown(m.reversed)),
      pair('  Net', shown(m.net)),
    ]),
    rule,

    heading('CASH'),
    pair('Opening float', money(cash.openingFloat)),
    pair('Cash received', shown(cash.received)),
    pair('Change given', shown(cash.changeGiven)),
    pair('Cash in', money(cash.cashIn)),
    pair('Cash out', money(cash.cashOut)),
    pair('Cash refunds', shown(cash.refunds)),
    pair('Expected cash', shown(cash.expected), true),
    rule,

    ...countLines(),
    rule,

    heading('VARIANCE'),
    ...(report.variances.length === 0
      ? [text('Not counted yet')]
      : report.variances.flatMap((v) => {
          const beyond = report.beyondTolerance.includes(v.method);
          return [
            text(labelOf(v.method), { bold: true }),
            pair('  Expected', money(v.expected)),
            pair('  Counted', money(v.counted)),
            pair('  Variance', varianceText(v.variance, money), v.variance !== 0),
            ...(beyond ? [text(`  Beyond the ${money(tolerance)} tolerance`)] : []),
          ];
        })),
    rule,

    heading('APPROVALS'),
    ...approvalLines(),
    ...(report.movements.length === 0
      ? [text('No cash in or out')]
      : report.movements.flatMap((m) => [
          pair(`Cash ${m.direction} ${time(m.at)}`, money(m.amount)),
          text(`  ${m.reason}`),
          pair('  By', m.by),
          pair('  Approved by', m.approvedBy ?? 'not needed'),
        ])),
    rule,

    heading('RECEIPTS'),
    pair('Receipts', String(report.receipts.count)),
    pair('First receipt', report.receipts.first ?? 'none'),
    pair('Last receipt', report.receipts.last ?? 'none'),
    rule,

    heading(`REVERSALS (${report.reversals.length})`),
    ...(report.reversals.length === 0
      ? [text('None')]
      : report.reversals.flatMap((r) => [pair(r.number, shown(r.amount)), text(`  Receipt ${r.receiptNumber}, ${r.methodLabel}`)])),
    rule,

    heading(`CREDIT NOTES (${report.creditNotes.length})`),
    ...(report.creditNotes.length === 0
      ? [text('None')]
      : report.creditNotes.flatMap((n) => [pair(n.number, money(n.amount)), text(`  Receipt ${n.receiptNumber}, ${CREDIT_NOTE_REASON_LABELS[n.reason as CreditNoteReason] ?? n.reason}`)])),
    ...(kind === 'z' ? [rule, pair('Closed by', report.closedBy ?? '-', true)] : []),
  ];
  return lines;

  /** The latest count by denomination decides; earlier ones stay on the paper as replaced by a recount. */
  function countLines(): DocumentLine[] {
    const latest = report.counts.at(-1);
    if (!latest) return [heading('COUNT'), text('Not counted yet')];
    const earlier = report.counts.slice(0, -1);
    return [
      heading('COUNT BY DENOMINATION'),
      pair('Counted', when(latest.at)),
      pair('Counted by', latest.by),
      ...(latest.recount ? [text(`Recount ${earlier.length}: it replaces the earlier count${earlier.length > 1 ? 's' : ''} below`)] : []),
      ...denominationLines(latest.denominations),
      pair('Cash counted', money(latest.cash), true),
      pair('Card settlement total', money(latest.card)),
      pair('M-PESA statement total', money(latest.mpesa)),
      ...(earlier.length > 0
        ? [
            text('Earlier counts, replaced by the recount:'),
            ...earlier.map((c, index) => pair(`  ${index === 0 ? 'Count' : `Recount ${index}`} ${time(c.at)}`, money(c.cash))),
          ]
        : []),
    ];
  }

  function approvalLines(): DocumentLine[] {
    if (report.approval) return [pair('Variance approved by', report.approval.by, true), pair('  At', when(report.approval.at)), text(`  Reason: ${report.approval.reason}`)];
    if (report.beyondTolerance.length > 0) return [text('Variance awaiting a branch manager', { bold: true })];
    if (report.variances.length > 0) return [text('Variance within tolerance: no approval needed')];
    return [];
  }
}

/** "SHORT KES 50.00", "OVER KES 10.00" or "KES 0.00": short and over in words, never just a sign. */
function varianceText(variance: number, money: (amount: number) => string): string {
  if (variance < 0) return `SHORT ${money(-variance)}`;
  if (variance > 0) return `OVER ${money(variance)}`;
  return money(0);
}
