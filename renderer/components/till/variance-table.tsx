import { Badge, Table, Text } from '@mantine/core';
import type { TillReport } from '../../../core/api/calls/tills.js';
import { useFormat } from '../../hooks/use-format.js';
import { COUNTED_METHOD_LABELS } from '../../tills/words.js';

/** A variance in words and colour: short is red, over is orange, nothing either way is green. */
export function VarianceAmount({ amount }: { amount: number }) {
  const { money } = useFormat();
  if (amount === 0) {
    return (
      <Text span c="green" fw={600} ff="monospace" inherit>
        {money(0)}
      </Text>
    );
  }
  return (
    <Text span c={amount < 0 ? 'red' : 'orange'} fw={700} ff="monospace" inherit>
      {money(amount)} {amount < 0 ? 'short' : 'over'}
    </Text>
  );
}

/** Expected, counted and variance per method, from the latest count; beyond the tolerance is marked. */
export function VarianceTable({ report }: { report: TillReport }) {
  const { money } = useFormat();
  return (
    <Table aria-label="Variance" striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Method</Table.Th>
          <Table.Th ta="right">Expected</Table.Th>
          <Table.Th ta="right">Counted</Table.Th>
          <Table.Th ta="right">Variance</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {report.variances.map((v) => (
          <Table.Tr key={v.method}>
            <Table.Td>{COUNTED_METHOD_LABELS[v.method]}</Table.Td>
            <Table.Td ta="right" ff="monospace">
              {money(v.expected)}
            </Table.Td>
            <Table.Td ta="right" ff="monospace">
              {money(v.counted)}
            </Table.Td>
            <Table.Td ta="right">
              <VarianceAmount amount={v.variance} />
            </Table.Td>
            <Table.Td>
              {report.beyondTolerance.includes(v.method) && (
                <Badge color="red" variant="light">
                  Beyond tolerance
                </Badge>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
