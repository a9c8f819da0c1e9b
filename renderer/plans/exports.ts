import type { CallOutput } from '../../core/api/contract.js';
import { toCsv, type CsvColumn } from '../../core/export/csv.js';
import { PLAN_STATUS_LABELS } from './words.js';

type Delinquent = CallOutput<'delinquent-search'>['rows'][number];
type CollectionReport = CallOutput<'plan-collection-report'>;
type ReportPlan = CollectionReport['plans'][number];

const CONSUMER_STATUS_LABELS = { active: 'Active', suspended: 'Suspended', disconnected: 'Disconnected' } as const;

const DELINQUENT_COLUMNS: Array<CsvColumn<Delinquent>> = [
  { header: 'Account', kind: 'text', value: (r) => r.accountNumber },
  { header: 'Name', kind: 'text', value: (r) => r.name },
  { header: 'Account status', kind: 'text', value: (r) => CONSUMER_STATUS_LABELS[r.status] },
  { header: 'Arrears', kind: 'money', value: (r) => r.arrears },
  { header: 'Oldest due', kind: 'text', value: (r) => r.oldestDueOn },
  { header: 'Days overdue', kind: 'number', value: (r) => r.daysOverdue },
  { header: 'Plan', kind: 'text', value: (r) => r.plan?.number ?? null },
  { header: 'Plan status', kind: 'text', value: (r) => (r.plan ? PLAN_STATUS_LABELS[r.plan.status] : null) },
];

const REPORT_COLUMNS: Array<CsvColumn<ReportPlan>> = [
  { header: 'Plan', kind: 'text', value: (p) => p.number },
  { header: 'Consumer', kind: 'text', value: (p) => p.consumerName },
  { header: 'Account', kind: 'text', value: (p) => p.accountNumber },
  { header: 'Status', kind: 'text', value: (p) => PLAN_STATUS_LABELS[p.status] },
  { header: 'Created', kind: 'text', value: (p) => p.createdAt.slice(0, 10) },
  { header: 'Scheduled', kind: 'money', value: (p) => p.scheduled },
  { header: 'Collected', kind: 'money', value: (p) => p.collected },
];

/** The delinquent accounts as a spreadsheet opens them: amounts as plain numbers, words as on the screen. */
export const delinquentCsv = (rows: readonly Delinquent[]) => toCsv(DELINQUENT_COLUMNS, rows);
export const delinquentFileName = (today: string) => `delinquent-accounts-${today}.csv`;

/** The collection report's plans, one row each, as the table on the screen shows them. */
export const collectionCsv = (report: CollectionReport) => toCsv(REPORT_COLUMNS, report.plans);
export const collectionFileName = (report: Pick<CollectionReport, 'from' | 'to'>) => `plan-collections-${report.from}-to-${report.to}.csv`;
