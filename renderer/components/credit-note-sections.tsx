import { Anchor, Badge, Paper, Progress, Stack, Table, Text } from '@mantine/core';
import type { CreditNoteDetails } from '../../core/api/calls/credit-notes.js';
import { useFormat } from '../hooks/use-format.js';
import { go } from '../state/router.js';
import { SummaryList } from './summary-list.js';

type Padding = 'md' | 'lg';
const openPayment = (paymentId: string) => go({ name: 'receipt', paymentId });

/** A local date and time: "12 Apr 2026 14:05". */
export function useDateTime() {
  const { date } = useFormat();
  return (iso: string) => `${date(iso)} ${new Date(iso).toTimeString().slice(0, 5)}`;
}

/**
 * The spec's Credit Note Details View, section by section: consumer, dates,
 * financial details (usage to one decimal), and who made it, why, and from
 * which payment. The caller lays the four sections out.
 */
export function CreditNoteFacts({ note: n, p }: { note: CreditNoteDetails; p: Padding }) {
  const { money, date } = useFormat();
  const dateTime = useDateTime();
  return (
    <>
      <Paper withBorder p={p} component="section" aria-label="Consumer information">
        <SummaryList
          rows={[
            ['Consumer', <Anchor component="button" type="button" inherit onClick={() => go({ name: 'account', consumerId: n.consumer.id })}>{n.consumer.name}</Anchor>],
            ['Account number', n.consumer.accountNumber],
          ]}
        />
      </Paper>
      <Paper withBorder p={p} component="section" aria-label="Dates">
        <SummaryList rows={[['Created', dateTime(n.createdAt)], ['Expires', date(n.expiresOn)]]} />
      </Paper>
      <Paper withBorder p={p} component="section" aria-label="Financial details">
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
      <Paper withBorder p={p} component="section" aria-label="Credit note information">
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
    </>
  );
}

/** Where the credit went: each payment that applied it, and whether that payment was reversed. */
export function CreditNoteApplications({ note: n, p }: { note: CreditNoteDetails; p: Padding }) {
  const { money, date } = useFormat();
  if (n.applications.length === 0) return null;
  return (
    <Paper withBorder p={p} component="section" aria-label="Where the credit went">
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
  );
}
