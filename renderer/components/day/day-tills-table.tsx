import { Anchor, Badge, Table, Text } from '@mantine/core';
import type { BusinessDayView } from '../../../core/api/calls/tills.js';
import { useFormat } from '../../hooks/use-format.js';
import { TILL_STATUS_COLORS, TILL_STATUS_LABELS } from '../../tills/words.js';
import { VarianceAmount } from '../till/variance-table.js';

export type DayTill = BusinessDayView['tills'][number];

const SOURCE_LABELS: Record<BusinessDayView['tills'][number]['source'], string> = { this_terminal: 'This terminal', branch: 'Branch' };

/**
 * Every till of the business day, here and across the branch, with what each
 * took and how its count came out; totals at the foot. This terminal's tills
 * open their X or Z report; the branch's are kept at the centre.
 */
export function DayTillsTable({ day, onOpen }: { day: BusinessDayView; onOpen(till: DayTill): void }) {
  const { money } = useFormat();
  const amount = (value: number | null) => (value === null ? '—' : money(value));
  if (day.tills.length === 0) return <Text c="dimmed">No till was opened on this day.</Text>;

  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table aria-label="Tills" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Till</Table.Th>
            <Table.Th>Terminal</Table.Th>
            <Table.Th>Cashier</Table.Th>
            <Table.Th>Source</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">Taken</Table.Th>
            <Table.Th ta="right">Cash expected</Table.Th>
            <Table.Th ta="right">Counted</Table.Th>
            <Table.Th ta="right">Variance</Table.Th>
            <Table.Th>Approved by</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {day.tills.map((t) => (
            <Table.Tr key={t.id}>
              <Table.Td ff="monospace">
                {t.source === 'this_terminal' ? (
                  <Anchor component="button" type="button" ff="monospace" onClick={() => onOpen(t)}>
                    {t.number}
                  </Anchor>
                ) : (
                  t.number
                )}
              </Table.Td>
              <Table.Td>{t.terminalCode}</Table.Td>
              <Table.Td>{t.cashierName}</Table.Td>
              <Table.Td>{SOURCE_LABELS[t.source]}</Table.Td>
              <Table.Td>
                <Badge color={TILL_STATUS_COLORS[t.status]} variant="light">
                  {TILL_STATUS_LABELS[t.status]}
                </Badge>
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {money(t.taken)}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {amount(t.cashExpected)}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {amount(t.cashCounted)}
              </Table.Td>
              <Table.Td ta="right">{t.variance === null ? '—' : <VarianceAmount amount={t.variance} />}</Table.Td>
              <Table.Td>{t.approvedBy ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th colSpan={5}>Totals</Table.Th>
            <Table.Th ta="right" ff="monospace">
              {money(day.totals.taken)}
            </Table.Th>
            <Table.Th colSpan={2} />
            <Table.Th ta="right">
              <VarianceAmount amount={day.totals.variance} />
            </Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
