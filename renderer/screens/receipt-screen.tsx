import { Button, Grid, Group, Kbd, Paper, Stack, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { ErrorAlert } from '../components/error-alert.js';
import { Loading } from '../components/loading.js';
import { PaymentDetails } from '../components/payment-details.js';
import { DocumentActions } from '../components/document-actions.js';
import { ReceiptPreview } from '../components/receipt-preview.js';
import { PaymentStatusBadge } from '../components/status-badges.js';
import { useCall } from '../hooks/use-call.js';
import { usePaymentDraft } from '../state/payment-draft.js';
import { go } from '../state/router.js';
import { useLoadedSettings } from '../state/settings.js';

export function ReceiptScreen({ paymentId }: { paymentId: string }) {
  const payment = useCall('payment-get', { paymentId });
  const receipt = useCall('document-preview', { document: 'receipt', id: paymentId });
  const { printer } = useLoadedSettings();
  const toDashboard = () => go({ name: 'dashboard' });
  useHotkeys([['Escape', toDashboard]], []);

  if (payment.status === 'loading') return <Loading what="the payment" />;
  if (payment.status === 'error') return <ErrorAlert title="The payment could not be loaded" error={payment.error} onRetry={payment.reload} />;
  const p = payment.value;

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
              <DocumentActions document="receipt" id={p.id} printedBefore={p.printCount > 0} />
            </Paper>
            <Paper withBorder p="lg" component="section" aria-label="Payment details">
              <PaymentDetails payment={p} />
            </Paper>
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
    </Stack>
  );
}
