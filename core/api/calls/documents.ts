import { z } from 'zod';
import { EVERY_ROLE, TAKES_PAYMENTS, type Role } from '../../auth/roles.js';
import { defineCall } from '../define.js';
import { id } from '../fields.js';

const documentLine = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string(), align: z.enum(['left', 'center', 'right']).optional(), bold: z.boolean().optional(), size: z.enum(['normal', 'large']).optional() }),
  z.object({ kind: z.literal('pair'), left: z.string(), right: z.string(), bold: z.boolean().optional() }),
  z.object({ kind: z.literal('rule') }),
  z.object({ kind: z.literal('blank') }),
  z.object({ kind: z.literal('qr'), data: z.string() }),
]);

export const printDocumentSchema = z.object({ title: z.string(), fileName: z.string(), copy: z.boolean(), lines: z.array(documentLine) });

export const printJobSchema = z.object({
  id: z.string(),
  status: z.enum(['queued', 'printed', 'failed']),
  copy: z.boolean(),
  /** Why the printer did not take it, in words a cashier can act on. */
  error: z.string().nullable(),
  attempts: z.number().int(),
});

/** What can be printed: a payment's receipt, a credit note, a reversal slip, a till's X report (a reading) and Z report (its close), a payment plan's agreement. */
export const PRINTABLE_DOCUMENTS = ['receipt', 'credit_note', 'reversal_slip', 'x_report', 'z_report', 'plan_agreement'] as const;
const documentRef = z.object({
  document: z.enum(PRINTABLE_DOCUMENTS, { error: 'Document must be a receipt, a credit note, a reversal slip, an X report, a Z report or a plan agreement' }),
  /** The payment for a receipt or a reversal slip; the credit note for a credit note; the till session for an X or Z report; the plan for its agreement. */
  id: id('Document'),
});

/** Who may send a document to the printer: those who take payments, and the recovery executive, who prints plan agreements only. */
const PRINTS: readonly Role[] = [...TAKES_PAYMENTS, 'recovery_executive'];

export const documentCalls = {
  /** What the paper says, for the on-screen preview; once one has printed, the next is a COPY (an X report is a fresh reading each time, never a copy). */
  'document-preview': defineCall({ input: documentRef, output: printDocumentSchema, access: EVERY_ROLE }),
  'document-print': defineCall({ input: documentRef, output: printJobSchema, access: PRINTS }),
  'print-job-retry': defineCall({ input: z.object({ jobId: id('Print job') }), output: printJobSchema, access: PRINTS }),
  'document-pdf': defineCall({ input: documentRef, output: z.object({ fileName: z.string(), pdfBase64: z.string() }), access: EVERY_ROLE }),
};
