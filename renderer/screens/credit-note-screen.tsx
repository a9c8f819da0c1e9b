import { Anchor, Badge, Button, Grid, Group, Kbd, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { DocumentActions } from '../components/document-actions.js';
import { ErrorAlert } from '../components/error-alert.js';
import { Loading } from '../components/loading.js';
import { ReceiptPreview } from '../components/receipt-preview.js';
import { PaymentStatusBadge } from '../components/status-badges.js';
import { SummaryList } from '../components/summary-list.js';
import { useCall } from '../hooks/use-call.js';
import { useFormat } from '../hooks/use-format.js';
import { go } from '../state/router.js';
import { useLoadedSettings } from '../state/settings.js';

/** The credit note details view, view only: who it is for, how much is left, why, and where it came from. */
export function CreditNoteScreen({ creditNoteId }: { creditNoteId: string }) {
  const note = useCall('credit-note-get', { creditNoteId });
  const document = useCall('document-preview', { document: 'credit_note', id: creditNoteId });
  const { printer } = useLoadedSettings();
  const { money, date } = useFormat();
  const close = () => (note.status === 'ok' ? go({ name: 'receipt', paymentId: note.value.linkedPayment.id }) : go({ name: 'dashboard' }));
  useHotkeys([['Escape', close]], []);

  if (note.status === 'loading') return <Loading what="the credit note" />;
  if (note.status === 'error') return <ErrorAlert title="The credit note could not be loaded" error={note.error} onRetry={note.reload} />;
  const n = note.value;
  const openPayment = (paymentId: string) => go({ name: 'receipt', paymentId });

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
            <Paper withBorder p="lg" component="section" aria-label="Consumer information">
              <SummaryList rows={[['Consumer', n.consumer.name], ['Account number', n.consumer.accountNumber]]} />
            </Paper>
            <Paper withBorder p="lg" component="section" aria-label="Dates">
              <SummaryList rows={[['Created', `${date(n.createdAt)} ${new Date(n.createdAt).toTimeString().slice(0, 5)}`], ['Expires', date(n.expiresOn)]]} />
            </Paper>
            <Paper withBorder p="lg" component="section" aria-label="Financial details">
              <Stack gap="sm">
                <SummaryList
                  rows={[
                    ['Original credit amount', money(n.amount)],
                    ['Applied amount', money(n.applied)],
                    ['Remaining balance', <Text span fw={700} inherit>{money(n.remaining)}</Text>],
                    ['Usage', `${n.usagePercentage}%`],
                  ]}
                />
                <Progress value={Number(n.usagePercentage)} aria-label="Usage" />
              </Stack>
            </Paper>
            <Paper withBorder p="lg" component="section" aria-label="Credit note information">
              <SummaryList
                rows={[
                  ['Reason', <Badge variant="light">{n.reasonLabel}</Badge>],
                  n.remarks ? ['Remarks', n.remarks] : null,
                  ['Created by', n.createdBy],
                  n.approvedBy ? ['Approved by', n.approvedBy] : null,
                  ['Linked payment', <Anchor component="button" type="button" ff="monospace" onClick={() => openPayment(n.linkedPayment.id)}>{n.linkedPayment.receiptNumber}</Anchor>],
                  ['Status', n.statusLabel],
                ]}
              />
            </Paper>
            {n.applications.length > 0 && (
              <Paper withBorder p="lg" component="section" aria-label="Where the credit went">
                <Table fz="sm" verticalSpacing={4}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Receipt</Table.Th>
                      <Table.Th>Date</Table.Th>
                      <Table.Th ta="right">Applied</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {n.applications.map((a) => (
                      <Table.Tr key={a.paymentId}>
                        <Table.Td>
                          <Anchor component="button" type="button" ff="monospace" onClick={() => openPayment(a.paymentId)}>
                            {a.receiptNumber}
                          </Anchor>
                          {a.reversed ? ' (reversed)' : ''}
                        </Table.Td>
                        <Table.Td>{date(a.at)}</Table.Td>
                        <Table.Td ta="right">{money(a.amount)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
            )}
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
