import { Anchor, Group, Table, Text } from '@mantine/core';
import type { CallOutput } from '../../../core/api/contract.js';
import { useFormat } from '../../hooks/use-format.js';
import type { DelinquentSort, RecoveryQuery } from '../../plans/recovery.js';
import { go } from '../../state/router.js';
import { ConsumerStatusBadge } from '../status-badges.js';
import { PlanStatusBadge } from './plan-badges.js';
import { SortHeader } from './sort-header.js';

type Delinquent = CallOutput<'delinquent-search'>['rows'][number];

/** Accounts in arrears, one a row; the headers sort, the account number (or a click on the row) opens the account. */
export function DelinquentTable({ rows, query, onSort }: { rows: Delinquent[]; query: RecoveryQuery; onSort(sort: DelinquentSort): void }) {
  const { money, date } = useFormat();
  const header = (sort: DelinquentSort, label: string, align?: 'right') => (
    <SortHeader active={query.sort === sort} direction={query.direction} align={align} onSort={() => onSort(sort)}>
      {label}
    </SortHeader>
  );

  return (
    <Table.ScrollContainer minWidth={820}>
      <Table highlightOnHover aria-label="Delinquent accounts">
        <Table.Thead>
          <Table.Tr>
            {header('accountNumber', 'Account')}
            {header('name', 'Name')}
            <Table.Th>Status</Table.Th>
            {header('arrears', 'Arrears', 'right')}
            <Table.Th>Oldest due</Table.Th>
            {header('daysOverdue', 'Days overdue', 'right')}
            <Table.Th>Plan</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const open = () => go({ name: 'account', consumerId: row.consumerId });
            return (
              <Table.Tr key={row.consumerId} onClick={open} style={{ cursor: 'pointer' }}>
                <Table.Td>
                  <Anchor
                    component="button"
                    type="button"
                    ff="monospace"
                    onClick={(e) => {
                      e.stopPropagation();
                      open();
                    }}
                  >
                    {row.accountNumber}
                  </Anchor>
                </Table.Td>
                <Table.Td>{row.name}</Table.Td>
                <Table.Td>
                  <ConsumerStatusBadge status={row.status} />
                </Table.Td>
                <Table.Td ta="right" ff="monospace" fw={600}>
                  {money(row.arrears)}
                </Table.Td>
                <Table.Td>{row.oldestDueOn ? date(row.oldestDueOn) : '—'}</Table.Td>
                <Table.Td ta="right">{row.daysOverdue.toLocaleString('en')}</Table.Td>
                <Table.Td>
                  {row.plan ? (
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" ff="monospace">
                        {row.plan.number}
                      </Text>
                      <PlanStatusBadge status={row.plan.status} />
                    </Group>
                  ) : (
                    <Text size="sm" c="dimmed">
                      None
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
