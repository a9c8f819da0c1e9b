import { Stack, Table, Text } from '@mantine/core';
import { PAYMENT_TYPE_LABELS } from '../../core/accounts/account.js';
import type { CallOutput } from '../../core/api/contract.js';
import { REFERENCE_RULES } from '../../core/payments/references.js';
import { useFormat } from '../hooks/use-format.js';
import { SummaryList } from './summary-list.js';

type Payment = CallOutput<'payment-get'>;

/** Everything about a posted payment that the customer or a supervisor may ask about. */
export function PaymentDetails({ payment }: { payment: Payment }) {
  const { money, date } = useFormat();
  const cash = payment.amountReceived !== null;
  return (
    <Stack gap="md">
      <SummaryList
        rows={[
          ['Receipt no.', payment.receiptNumber],
          ['Payment ID', payment.paymentNumber],
          ['Transaction ID', payment.transactionNumber],
          ['Payment date', date(payment.paymentDate)],
          ['Consumer', `${payment.consumer.name} (${payment.consumer.accountNumber})`],
          ['Payment type', PAYMENT_TYPE_LABELS[payment.type]],
          ['Channel', payment.channelLabel],
          ['Method', payment.methodLabel],
          ['Amount paid', money(payment.amount)],
          cash ? ['Amount received', money(payment.amountReceived ?? 0)] : null,
          cash ? ['Change given', money(payment.change ?? 0)] : null,
          payment.reference && payment.method !== 'cash' && payment.method !== 'credit_note' ? [REFERENCE_RULES[payment.method].label, payment.reference] : null,
          payment.notes ? ['Notes', payment.notes] : null,
          ['Received by', payment.recordedBy.name],
          ['Processing time', 'Immediate'],
          ['Balance after payment', money(payment.balanceAfter)],
        ]}
      />
      <Table fz="sm" verticalSpacing={4} style={{ whiteSpace: 'nowrap' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Paid</Table.Th>
            <Table.Th ta="right">Billed</Table.Th>
            <Table.Th ta="right">Applied</Table.Th>
            <Table.Th>Difference</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {payment.allocations.map((a) => (
            <Table.Tr key={a.itemId}>
              <Table.Td ff="monospace">{a.reference}</Table.Td>
              <Table.Td ta="right">{money(a.billed)}</Table.Td>
              <Table.Td ta="right">{money(a.applied)}</Table.Td>
              <Table.Td>{a.openAfter === 0 ? <Text span inherit c="green">Paid in full</Text> : `Under paid: ${money(a.openAfter)} open`}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
