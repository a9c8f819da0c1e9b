import { Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Title } from '@mantine/core';
import type { CreditNoteDetails } from '../../../core/api/calls/credit-notes.js';
import { useCall } from '../../hooks/use-call.js';
import { CreditNoteApplications, CreditNoteFacts, useDateTime } from '../credit-note-sections.js';
import { DocumentActions } from '../document-actions.js';
import { ErrorAlert } from '../error-alert.js';
import { Loading } from '../loading.js';
import { PaymentStatusBadge } from '../status-badges.js';

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
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <CreditNoteFacts note={n} p="md" />
      </SimpleGrid>
      <CreditNoteApplications note={n} p="md" />
      <AuditTrail creditNoteId={n.id} />
      <Group justify="space-between" align="flex-start">
        <DocumentActions document="credit_note" id={n.id} printedBefore={false} />
        <Button variant="default" size="md" onClick={onClose}>
          Close
        </Button>
      </Group>
    </Stack>
  );
}

function AuditTrail({ creditNoteId }: { creditNoteId: string }) {
  const audit = useCall('credit-note-audit', { creditNoteId });
  const dateTime = useDateTime();
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
