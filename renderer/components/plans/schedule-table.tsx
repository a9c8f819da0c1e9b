import { Table, Text } from '@mantine/core';
import type { PlanView } from '../../../core/api/calls/plans.js';
import { add, cents } from '../../../core/money.js';
import { useFormat } from '../../hooks/use-format.js';
import { installmentName } from '../../plans/words.js';
import { StandingBadge } from './plan-badges.js';

type Scheduled = { number: number; amount: number; dueOn: string; isDownPayment?: boolean };
type Standing = PlanView['installments'][number];

/**
 * A schedule: what falls due when, and, with `withTotal`, what it adds up to.
 * With standings (a plan's current schedule) each row also shows what is
 * paid, what is open and where it stands.
 */
export function ScheduleTable({ installments, caption, withTotal = false }: { installments: ReadonlyArray<Scheduled | Standing>; caption: string; withTotal?: boolean }) {
  const { money, date } = useFormat();
  const standings = installments.every((i): i is Standing => 'standing' in i);
  if (installments.length === 0) return <Text c="dimmed">No installments.</Text>;

  return (
    <Table.ScrollContainer minWidth={standings ? 560 : 360}>
      <Table striped>
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Installment</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
            {standings && <Table.Th ta="right">Paid</Table.Th>}
            {standings && <Table.Th ta="right">Open</Table.Th>}
            {standings && <Table.Th>Standing</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {installments.map((installment) => (
            <Table.Tr key={installment.number}>
              <Table.Td>{installmentName(installment)}</Table.Td>
              <Table.Td>{date(installment.dueOn)}</Table.Td>
              <Table.Td ta="right" ff="monospace">
                {money(installment.amount)}
              </Table.Td>
              {standings && 'standing' in installment && (
                <>
                  <Table.Td ta="right" ff="monospace">
                    {money(installment.paid)}
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace" fw={600}>
                    {money(installment.open)}
                  </Table.Td>
                  <Table.Td>
                    <StandingBadge standing={installment.standing} />
                  </Table.Td>
                </>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
        {withTotal && (
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={2}>Total</Table.Th>
              <Table.Th ta="right" ff="monospace">
                {money(add(cents(0), ...installments.map((i) => cents(i.amount))))}
              </Table.Th>
              {standings && <Table.Th colSpan={3} />}
            </Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}
