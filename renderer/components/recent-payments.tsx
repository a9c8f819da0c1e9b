import { Anchor, Table, Text } from '@mantine/core';
import type { CallOutput } from '../../core/api/contract.js';
import { PaymentCells } from './payment-cells.js';

type Summary = CallOutput<'payment-list-recent'>[number];

/** Latest payments, newest first; the receipt number opens the receipt. */
export function RecentPaymentsTable({ payments, onOpen, showConsumer = true }: { payments: Summary[]; onOpen: (paymentId: string) => void; showConsumer?: boolean }) {
  if (payments.length === 0) return <Text c="dimmed">No payments yet.</Text>;

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Receipt #</Table.Th>
            {showConsumer && <Table.Th>Consumer</Table.Th>}
            <Table.Th ta="right">Amount</Table.Th>
            <Table.Th>Method</Table.Th>
            <Table.Th>Date</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {payments.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Anchor component="button" type="button" ff="monospace" onClick={() => onOpen(p.id)}>
                  {p.receiptNumber}
                </Anchor>
              </Table.Td>
              {showConsumer && (
                <Table.Td>
                  {p.consumerName}{' '}
                  <Text span c="dimmed" size="sm" ff="monospace">
                    {p.accountNumber}
                  </Text>
                </Table.Td>
              )}
              <PaymentCells payment={p} />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
