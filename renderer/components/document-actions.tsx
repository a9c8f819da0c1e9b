import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { CallInput, CallOutput } from '../../core/api/contract.js';
import type { ApiErrorData } from '../../core/api/errors.js';
import { call } from '../api/client.js';
import { downloadBase64 } from '../download.js';

type PrintJob = CallOutput<'document-print'>;
type Printable = CallInput<'document-print'>['document'];

/** What the paper is called, and what stays true when it does not print. */
const WORDS: Record<Printable, { noun: string; kept: string }> = {
  receipt: { noun: 'receipt', kept: 'The payment is posted; only the paper is missing.' },
  credit_note: { noun: 'credit note', kept: 'The credit note is recorded; only the paper is missing.' },
  reversal_slip: { noun: 'reversal slip', kept: 'The reversal is recorded; only the paper is missing.' },
  x_report: { noun: 'X report', kept: 'The till is as it was; only the paper is missing.' },
  z_report: { noun: 'Z report', kept: "The till's close is recorded; only the paper is missing." },
  plan_agreement: { noun: 'agreement', kept: 'The plan is recorded; only the paper is missing.' },
};
type Busy = 'print' | 'retry' | 'pdf' | null;

/**
 * Print and Download PDF for a receipt, credit note, reversal slip or a
 * till's X or Z report. A printer that does not take it shows its error and
 * a Retry of that same job; what the paper shows is already recorded and
 * nothing here can change it.
 */
export function DocumentActions({ document, id, printedBefore }: { document: Printable; id: string; printedBefore: boolean }) {
  const { noun, kept } = WORDS[document];
  const [job, setJob] = useState<PrintJob | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<ApiErrorData | null>(null);
  const printRef = useRef<HTMLButtonElement>(null);
  const retryRef = useRef<HTMLButtonElement>(null);

  // A button that is busy is disabled and drops the focus: after each answer it goes
  // to what the cashier does next, Retry after a failure, else Print.
  useEffect(() => (job?.status === 'failed' ? retryRef : printRef).current?.focus(), [job]);

  async function print(retry: PrintJob | null) {
    setBusy(retry ? 'retry' : 'print');
    setError(null);
    const result = retry ? await call('print-job-retry', { jobId: retry.id }) : await call('document-print', { document, id });
    setBusy(null);
    if (result.ok) setJob(result.value);
    else setError(result.error);
  }

  async function downloadPdf() {
    setBusy('pdf');
    setError(null);
    const result = await call('document-pdf', { document, id });
    setBusy(null);
    if (!result.ok) return setError(result.error);
    const { fileName, pdfBase64 } = result.value;
    downloadBase64(pdfBase64, fileName.toLowerCase().endsWith('.pdf') ? fileName : `${fileName}.pdf`, 'application/pdf');
  }

  const printed = printedBefore || job?.status === 'printed';
  return (
    <Stack gap="sm">
      <Group>
        <Button ref={printRef} size="md" loading={busy === 'print'} disabled={busy !== null && busy !== 'print'} onClick={() => void print(null)}>
          {printed ? 'Print copy' : 'Print'}
        </Button>
        <Button size="md" variant="default" loading={busy === 'pdf'} onClick={() => void downloadPdf()}>
          Download PDF
        </Button>
      </Group>
      {job?.status === 'printed' && (
        <Text c="green" fw={600} role="status">
          {job.copy ? 'Copy printed.' : `${noun[0]!.toUpperCase()}${noun.slice(1)} printed.`}
        </Text>
      )}
      {job?.status === 'failed' && (
        <Alert color="red" title={`The ${noun} did not print`} role="alert">
          <Stack gap="xs">
            <Text size="sm">{job.error}</Text>
            <Text size="sm">{kept} Fix the printer, then retry.</Text>
            <Group>
              <Button ref={retryRef} color="red" variant="white" loading={busy === 'retry'} disabled={busy !== null && busy !== 'retry'} onClick={() => void print(job)}>
                Retry printing
              </Button>
              <Text size="xs" c="dimmed">
                Attempts: {job.attempts}
              </Text>
            </Group>
          </Stack>
        </Alert>
      )}
      {error && (
        <Alert color="red" role="alert">
          {error.message}
        </Alert>
      )}
    </Stack>
  );
}
