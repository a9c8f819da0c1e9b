import { Anchor, Badge, Button, Group, Modal, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { CreditNoteDetails } from '../../../core/api/calls/credit-notes.js';
import { useCall } from '../../hooks/use-call.js';
import { useFormat } from '../../hooks/use-format.js';
import { go } from '../../state/router.js';
import { DocumentActions } from '../document-actions.js';
import { ErrorAlert } from '../error-alert.js';
import { Loading } from '../loading.js';
import { PaymentStatusBadge } from '../status-badges.js';
import { SummaryList } from '../summary-list.js';

/**
 * The spec's Credit Note Details View, over the Credit Notes tab: who it is
 * for, its dates, how much of it is used, why and by whom it was made, the
 * payment it came from, and its audit trail; Print, Download PDF, Close.
 */
export function CreditNoteDetailsModal({ creditNoteId, onClose }: { creditNoteId: string; onClose(): void }) {
  const note = useCall('credit-note-get', { creditNoteId });
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      closeButtonProps={{ 'aria-label': 'Close the credit note' }}
      title={
        note.status === 'ok' ? (
          <Group gap="sm" component="span">
            <span>Credit Note {note.value.number}</span>
            <PaymentStatusBadge status={note.value.status} size="lg" />
          </Group>
        ) : (
          'Credit note'
        )
      }
    >
      {note.status === 'loading' && <Loading what="the credit note" />}
      {note.status === 'error' && <ErrorAlert title="The credit note could not be loaded" error={note.error} onRetry={note.reload} />}
      {note.status === 'ok' && <Details note={note.value} onClose={onClose} />}
    </Modal>
  );
}

function Details({ note: n, onClose }: { note: CreditNoteDetails; onClose(): void }) {
  const { money, date } = useFormat();
  const dateTime = (iso: string) => `${date(iso)} ${new Date(iso).toTimeString().slice(0, 5)}`;
  const openPayment = (paymentId: string) => go({ name: 'receipt', paymentId });

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Paper withBorder p="md" component="section" aria-label="Consumer information">
          <SummaryList
            rows={[
              ['Consumer', <Anchor component="button" type="button" inherit onClick={() => go({ name: 'account', consumerId: n.consumer.id })}>{n.consumer.name}</Anchor>],
              ['Account number', n.consumer.accountNumber],
            ]}
          />
        </Paper>
        <Paper withBorder p="md" component="section" aria-label="Dates">
          <SummaryList rows={[['Created', dateTime(n.createdAt)], ['Expires', date(n.expiresOn)]]} />
        </Paper>
        <Paper withBorder p="md" component="section" aria-label="Financial details">
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
        <Paper withBorder p="md" component="section" aria-label="Credit note information">
          <SummaryList
            rows={[
              ['Reason', <Badge variant="light" radius="xl">{n.reasonLabel}</Badge>],
              n.remarks ? ['Remarks', n.remarks] : null,
              ['Created by', n.createdBy],
              n.approvedBy ? ['Approved by', n.approvedBy] : null,
              ['Linked payment', <Anchor component="button" type="button" ff="monospace" inherit onClick={() => openPayment(n.linkedPayment.id)}>{n.linkedPayment.receiptNumber}</Anchor>],
              ['Status', n.statusLabel],
            ]}
          />
        </Paper>
      </SimpleGrid>
      {n.applications.length > 0 && (
        <Paper withBorder p="md" component="section" aria-label="Where the credit went">
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
                    <Anchor component="button" type="button" ff="monospace" fz="sm" onClick={() => openPayment(a.paymentId)}>
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
      <AuditTrail creditNoteId={n.id} dateTime={dateTime} />
      <Group justify="space-between" align="flex-start">
        <DocumentActions document="credit_note" id={n.id} printedBefore={false} />
        <Button variant="default" size="md" onClick={onClose}>
          Close
        </Button>
      </Group>
    </Stack>
  );
}

function AuditTrail({ creditNoteId, dateTime }: { creditNoteId: string; dateTime(iso: string): string }) {
  const audit = useCall('credit-note-audit', { creditNoteId });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="credit-note-audit-title">
      <Title order={3} size="h5" id="credit-note-audit-title" mb="xs">
        Audit trail
      </Title>
      {audit.status === 'loading' && <Loading what="the audit trail" />}
      {audit.status === 'error' && <ErrorAlert title="The audit trail could not be loaded" error={audit.error} onRetry={audit.reload} />}
      {audit.status === 'ok' && (
        <Table fz="sm" verticalSpacing={4} aria-label="Audit trail">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>By</Table.Th>
              <Table.Th>What</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {audit.value.map((entry, i) => (
              <Table.Tr key={`${entry.at}-${i}`}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(entry.at)}</Table.Td>
                <Table.Td>{entry.by}</Table.Td>
                <Table.Td>{entry.text}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
