import { ApiError, conflict, notFound } from '../../core/api/errors.js';
import type { CallContext, Handlers } from '../../core/api/dispatch.js';
import type { PRINTABLE_DOCUMENTS } from '../../core/api/calls/documents.js';
import type { SignedInUser } from '../../core/auth/roles.js';
import { planView } from '../../core/plans/plan-view.js';
import { buildCreditNoteDocument } from '../../core/receipts/credit-note-document.js';
import { agreementMadeAt, buildPlanAgreement } from '../../core/receipts/plan-agreement-document.js';
import type { PrintDocument } from '../../core/receipts/print-document.js';
import { buildReceipt } from '../../core/receipts/receipt.js';
import { buildReversalSlip } from '../../core/receipts/reversal-slip.js';
import { buildXReport, buildZReport } from '../../core/receipts/till-report-document.js';
import { tillReport } from '../../core/tills/till-report.js';
import type { PrintJob } from '../../db/repositories/print-jobs.js';
import { encodeEscPos } from '../printing/escpos.js';
import { renderPdf } from '../printing/pdf.js';
import { localDate, type ServiceContext } from './context.js';
import { loadCreditNoteDetails, loadPaymentDetails } from './payment-details.js';

type Printable = (typeof PRINTABLE_DOCUMENTS)[number];

/**
 * Printing never touches the money: the payment or note was committed before
 * anyone could press Print. A job is stored first and then tried, so a
 * printer that is off leaves a failed job with a readable error and a Retry,
 * not a lost receipt. Every print is a job, and every attempt an audit entry
 * naming who pressed Print; the first to come out is the original and each
 * later one says COPY with its count. A till's X report is a reading of
 * the moment it is read, so it is never a copy; its Z report is, like a receipt.
 * The till's figures are as the signed-in user may see them (a blind count
 * hides them from a cashier until counted). A plan agreement is the schedule
 * in force: the first print after a reschedule is the new agreement's
 * original, later ones its copies. The recovery executive prints agreements
 * and nothing else.
 */
export function documentHandlers(context: ServiceContext): Pick<Handlers, 'document-preview' | 'document-print' | 'print-job-retry' | 'document-pdf'> {
  const { store, clock } = context;
  const planOf = (id: string) => {
    if (!store.plans.byId(id)) throw notFound('id', 'No payment plan with this id');
    return planView(store.plans.facts(id), localDate(clock()), store.settings.get());
  };

  function build(document: Printable, id: string, copyNumber: number, viewer: SignedInUser): PrintDocument {
    const settings = store.settings.get();
    switch (document) {
      case 'receipt':
        return buildReceipt(loadPaymentDetails(store, id, clock()), settings, { copyNumber });
      case 'credit_note':
        return buildCreditNoteDocument(loadCreditNoteDetails(store, id), settings, { copyNumber });
      case 'reversal_slip': {
        const payment = loadPaymentDetails(store, id, clock());
        if (!payment.reversal) throw new ApiError('CONFLICT', `Receipt ${payment.receiptNumber} has not been reversed`, 'id');
        return buildReversalSlip(payment, settings, { copyNumber });
      }
      case 'x_report': {
        const till = store.tills.session(id);
        if (!till) throw notFound('id', 'No till session with this id');
        if (till.status === 'closed') throw conflict('id', `Till ${till.number} is closed; print its Z report`);
        return buildXReport(tillReport(store.tills.facts(id), viewer, settings), settings, clock());
      }
      case 'z_report': {
        const till = store.tills.session(id);
        if (!till) throw notFound('id', 'No till session with this id');
        if (till.status !== 'closed') throw conflict('id', `Till ${till.number} is not closed yet; print an X report`);
        return buildZReport(tillReport(store.tills.facts(id), viewer, settings), settings, { copyNumber });
      }
      case 'plan_agreement':
        return buildPlanAgreement(planOf(id), settings, { copyNumber });
    }
  }
  /** How many times it has come out of the printer before; an X report is a fresh reading every time, an agreement counts from its schedule. */
  function printed(document: Printable, id: string): number {
    if (document === 'x_report') return 0;
    if (document === 'plan_agreement') return store.recovery.agreementPrintsSince(id, agreementMadeAt(planOf(id)));
    return store.printJobs.printedCount(document, id);
  }
  const mayPrint = (document: string, { user }: CallContext) => {
    if (user!.role === 'recovery_executive' && document !== 'plan_agreement') throw new ApiError('FORBIDDEN', 'A recovery executive prints plan agreements only', 'document');
  };

  async function attempt(job: PrintJob, { user }: CallContext) {
    const settings = store.settings.get();
    const copyNumber = printed(job.document as Printable, job.refId);
    const document = build(job.document as Printable, job.refId, copyNumber, user!);
    let error: string | null = null;
    try {
      if (!settings.printer.address) throw new Error('No receipt printer is configured (Settings > Printer)');
      await context.sendToPrinter(settings.printer.address, encodeEscPos(document, settings.printer.paperWidth));
    } catch (failure) {
      error = failure instanceof Error ? failure.message : String(failure);
    }
    const at = clock().toISOString();
    const done = store.transaction(() => {
      const finished = store.printJobs.finish(job.id, { status: error ? 'failed' : 'printed', error, copy: copyNumber > 0, at });
      store.audit.append({ id: store.newId(), at, userId: user!.id, action: 'document.print', entity: job.document, entityId: job.refId, before: null, after: { job: job.id, copyNumber, status: finished.status, error } });
      return finished;
    });
    return { id: done.id, status: done.status as 'printed' | 'failed', copy: done.copy, error: done.error, attempts: done.attempts };
  }

  return {
    'document-preview': ({ document, id }, { user }) => build(document, id, printed(document, id), user!),
    'document-print': async ({ document, id }, context) => {
      mayPrint(document, context);
      build(document, id, 0, context.user!); // refuses an unknown payment, note or till before a job is stored
      const job = store.printJobs.create({ id: store.newId(), document, refId: id, copy: printed(document, id) > 0, createdAt: clock().toISOString() });
      return attempt(job, context);
    },
    'print-job-retry': async ({ jobId }, context) => {
      const job = store.printJobs.byId(jobId);
      if (!job) throw notFound('jobId', 'No print job with this id');
      mayPrint(job.document, context);
      if (job.status === 'printed') throw new ApiError('CONFLICT', 'This job has already printed; use Print for another copy', 'jobId');
      return attempt(job, context);
    },
    'document-pdf': async ({ document, id }, { user }) => {
      const built = build(document, id, 0, user!);
      return { fileName: built.fileName, pdfBase64: (await renderPdf(built)).toString('base64') };
    },
  };
}
