import { Table } from '@mantine/core';
import { PAYMENT_TYPE_LABELS } from '../../core/accounts/account.js';
import type { CallOutput } from '../../core/api/contract.js';
import { useFormat } from '../hooks/use-format.js';
import { PaymentStatusBadge } from './status-badges.js';

type PaymentFigures = Pick<CallOutput<'payment-list-recent'>[number], 'amount' | 'methodLabel' | 'paymentDate' | 'type' | 'status'>;

/** A payment's Amount, Method, Date, Type and Status cells, as every table of payments shows them. */
export function PaymentCells({ payment }: { payment: PaymentFigures }) {
  const { money, date } = useFormat();
  return (
    <>
      <Table.Td ta="right" ff="monospace">
        {money(payment.amount)}
      </Table.Td>
      <Table.Td>{payment.methodLabel}</Table.Td>
      <Table.Td>{date(payment.paymentDate)}</Table.Td>
      <Table.Td>{PAYMENT_TYPE_LABELS[payment.type]}</Table.Td>
      <Table.Td>
        <PaymentStatusBadge status={payment.status} />
      </Table.Td>
    </>
  );
}
