import { Button, Grid, Group, Kbd, Paper, Stack, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import { EDITS_POSTED_PAYMENTS, TAKES_PAYMENTS } from '../../core/auth/roles.js';
import { CorrectDialog } from '../components/correct-dialog.js';
import { CreditNoteDialog } from '../components/credit-note-dialog.js';
import { DocumentActions } from '../components/document-actions.js';
import { ErrorAlert } from '../components/error-alert.js';
import { Loading } from '../components/loading.js';
import { PaymentDetails } from '../components/payment-details.js';
import { ReceiptPreview } from '../components/receipt-preview.js';
import { ReverseDialog } from '../components/reverse-dialog.js';
import { PaymentStatusBadge } from '../components/status-badges.js';
import { useCall } from '../hooks/use-call.js';
import { usePaymentDraft } from '../state/payment-draft.js';
import { go } from '../state/router.js';
import { useSession } from '../state/session.js';
import { useLoadedSettings } from '../state/settings.js';

type Dialog = 'credit-note' | 'reverse' | 'correct' | null;

/** A payment's receipt and its details view: print, credit note, reversal, and on to the next customer. */
export function ReceiptScreen({ paymentId }: { paymentId: string }) {
  const payment = useCall('payment-get', { paymentId });
  const receipt = useCall('document-preview', { document: 'receipt', id: paymentId });
  const { printer } = useLoadedSettings();
  const role = useSession((s) => s.user?.role);
  const [dialog, setDialog] = useState<Dialog>(null);
  const toDashboard = () => go({ name: 'dashboard' });
  useHotkeys([['Escape', () => dialog === null && toDashboard()]], []);

  if (payment.status === 'loading') return <Loading what="the payment" />;
  if (payment.status === 'error') return <ErrorAlert title="The payment could not be loaded" error={payment.error} onRetry={payment.reload} />;
  const p = payment.value;
  const reload = () => {
    payment.reload();
    receipt.reload();
  };
  const takesPayments = role !== undefined && TAKES_PAYMENTS.includes(role);
  const fromCounter = p.online === null;
  const edits = role !== undefined && EDITS_POSTED_PAYMENTS.includes(role);

  const recordAnother = () => {
    usePaymentDraft.getState().clear();
    go({ name: 'payment', consumerId: p.consumer.id });
  };

  return (
    <Stack gap="md" maw={1200} mx="auto">
      <Group justify="space-between" align="center">
        <Group gap="sm">
          <Title order={1} size="h3">
            Receipt {p.receiptNumber}
          </Title>
          <Group gap="xs" role="group" aria-label="Status">
            <PaymentStatusBadge status={p.status} size="lg" />
            <PaymentStatusBadge status={p.verification} size="lg" />
          </Group>
        </Group>
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Paper withBorder p="lg">
              <Stack gap="md">
                <DocumentActions document="receipt" id={p.id} printedBefore={p.printCount > 0} />
                {p.reversal && <DocumentActions document="reversal_slip" id={p.id} printedBefore={false} />}
                {(takesPayments || edits) && fromCounter && p.status === 'posted' && (
                  <Group>
                    {takesPayments && p.method !== 'credit_note' && (
                      <Button variant="light" onClick={() => setDialog('credit-note')}>
                        Create credit note
                      </Button>
                    )}
                    {takesPayments && (
                      <Button variant="light" color="red" onClick={() => setDialog('reverse')}>
                        Reverse payment
                      </Button>
                    )}
                    {edits && (
                      <Button variant="light" color="orange" onClick={() => setDialog('correct')}>
                        Edit payment
                      </Button>
                    )}
                  </Group>
                )}
              </Stack>
            </Paper>
            <PaymentDetails payment={p} onChanged={reload} />
            <Group>
              <Button variant="light" onClick={recordAnother}>
                Record another payment
              </Button>
              <Button variant="default" onClick={toDashboard} rightSection={<Kbd size="xs">Esc</Kbd>}>
                Return to dashboard
              </Button>
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          {receipt.status === 'loading' && <Loading what="the receipt" />}
          {receipt.status === 'error' && <ErrorAlert title="The receipt could not be shown" error={receipt.error} onRetry={receipt.reload} />}
          {receipt.status === 'ok' && <ReceiptPreview document={receipt.value} paperWidth={printer.paperWidth} />}
        </Grid.Col>
      </Grid>
      {dialog === 'credit-note' && (
        <CreditNoteDialog
          paymentId={p.id}
          onClose={() => setDialog(null)}
          onCreated={() => {
            setDialog(null);
            reload();
          }}
        />
      )}
      {dialog === 'correct' && (
        <CorrectDialog
          payment={p}
          onClose={() => setDialog(null)}
          onCorrected={(paymentId) => {
            setDialog(null);
            go({ name: 'receipt', paymentId });
          }}
        />
      )}
      {dialog === 'reverse' && (
        <ReverseDialog
          payment={p}
          onClose={() => setDialog(null)}
          onReversed={() => {
            setDialog(null);
            reload();
          }}
        />
      )}
    </Stack>
  );
}
