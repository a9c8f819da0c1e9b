import { Button, Grid, Group, Kbd, Paper, Stack, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { DocumentActions } from '../components/document-actions.js';
import { ErrorAlert } from '../components/error-alert.js';
import { Loading } from '../components/loading.js';
import { ReceiptPreview } from '../components/receipt-preview.js';
import { PaymentStatusBadge } from '../components/status-badges.js';
import { CreditNoteApplications, CreditNoteFacts } from '../components/credit-note-sections.js';
import { useCall } from '../hooks/use-call.js';
import { go } from '../state/router.js';
import { useLoadedSettings } from '../state/settings.js';

/** The credit note details view, view only: who it is for, how much is left, why, and where it came from. */
export function CreditNoteScreen({ creditNoteId }: { creditNoteId: string }) {
  const note = useCall('credit-note-get', { creditNoteId });
  const document = useCall('document-preview', { document: 'credit_note', id: creditNoteId });
  const { printer } = useLoadedSettings();
  const close = () => (note.status === 'ok' ? go({ name: 'receipt', paymentId: note.value.linkedPayment.id }) : go({ name: 'dashboard' }));
  useHotkeys([['Escape', close]], []);

  if (note.status === 'loading') return <Loading what="the credit note" />;
  if (note.status === 'error') return <ErrorAlert title="The credit note could not be loaded" error={note.error} onRetry={note.reload} />;
  const n = note.value;

  return (
    <Stack gap="md" maw={1200} mx="auto">
      <Group gap="sm">
        <Title order={1} size="h3">
          Credit Note {n.number}
        </Title>
        <PaymentStatusBadge status={n.status} size="lg" />
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <CreditNoteFacts note={n} p="lg" />
            <CreditNoteApplications note={n} p="lg" />
            <Paper withBorder p="lg">
              <DocumentActions document="credit_note" id={n.id} printedBefore={false} />
            </Paper>
            <Group>
              <Button variant="default" onClick={close} rightSection={<Kbd size="xs">Esc</Kbd>}>
                Close
              </Button>
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          {document.status === 'ok' && <ReceiptPreview document={document.value} paperWidth={printer.paperWidth} />}
          {document.status === 'error' && <ErrorAlert title="The credit note could not be shown" error={document.error} onRetry={document.reload} />}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
