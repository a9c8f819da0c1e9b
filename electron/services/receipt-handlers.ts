import { ApiError, notFound } from '../../core/api/errors.js';
import type { Handlers } from '../../core/api/dispatch.js';
import { buildReceipt } from '../../core/receipts/receipt.js';
import type { PrintJob } from '../../db/repositories/print-jobs.js';
import { encodeEscPos } from '../printing/escpos.js';
import { renderPdf } from '../printing/pdf.js';
import type { ServiceContext } from './context.js';
import { loadPaymentDetails } from './payment-details.js';

/**
 * Printing never touches the payment: it was committed before the cashier
 * could press Print. A job is stored first and then tried, so a printer that
 * is off leaves a failed job with a readable error and a Retry, not a lost
 * receipt. The first receipt to come out is the original; every later one
 * says COPY.
 */
export function receiptHandlers(context: ServiceContext): Pick<Handlers, 'receipt-document' | 'receipt-print' | 'print-job-retry' | 'receipt-pdf'> {
  const { store, clock } = context;
  const isCopy = (paymentId: string) => store.printJobs.printedCount('receipt', paymentId) > 0;

  async function attempt(job: PrintJob) {
    const settings = store.settings.get();
    const copy = isCopy(job.refId);
    const document = buildReceipt(loadPaymentDetails(store, job.refId), settings, { copy });
    let error: string | null = null;
    try {
      if (!settings.printer.address) throw new Error('No receipt printer is configured (Settings > Printer)');
      await context.sendToPrinter(settings.printer.address, encodeEscPos(document, settings.printer.paperWidth));
    } catch (failure) {
      error = failure instanceof Error ? failure.message : String(failure);
    }
    const done = store.printJobs.finish(job.id, { status: error ? 'failed' : 'printed', error, copy, at: clock().toISOString() });
    return { id: done.id, status: done.status as 'printed' | 'failed', copy: done.copy, error: done.error, attempts: done.attempts };
  }

  return {
    'receipt-document': ({ paymentId }) => buildReceipt(loadPaymentDetails(store, paymentId), store.settings.get(), { copy: isCopy(paymentId) }),
    'receipt-print': async ({ paymentId }) => {
      loadPaymentDetails(store, paymentId);
      const job = store.printJobs.create({ id: store.newId(), document: 'receipt', refId: paymentId, copy: isCopy(paymentId), createdAt: clock().toISOString() });
      return attempt(job);
    },
    'print-job-retry': async ({ jobId }) => {
      const job = store.printJobs.byId(jobId);
      if (!job) throw notFound('jobId', 'No print job with this id');
      if (job.status === 'printed') throw new ApiError('CONFLICT', 'This job has already printed; use Print for another copy', 'jobId');
      return attempt(job);
    },
    'receipt-pdf': async ({ paymentId }) => {
      const document = buildReceipt(loadPaymentDetails(store, paymentId), store.settings.get(), { copy: false });
      return { fileName: document.fileName, pdfBase64: (await renderPdf(document)).toString('base64') };
    },
  };
}
