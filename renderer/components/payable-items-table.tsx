import { Checkbox, Table, Text } from '@mantine/core';
import type { AccountItem } from '../payments/draft.js';
import { useFormat } from '../hooks/use-format.js';

interface Selection {
  selected: readonly string[];
  onToggle(itemId: string): void;
}

/** Unpaid bills, services or installments; with a selection, each row has a checkbox named after its reference. */
export function PayableItemsTable({ items, empty, selection }: { items: AccountItem[]; empty: string; selection?: Selection }) {
  const { money, date } = useFormat();
  if (items.length === 0) return <Text c="dimmed">{empty}</Text>;

  return (
    <Table.ScrollContainer minWidth={520}>
      <Table highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            {selection && <Table.Th w={40} aria-label="Pay" />}
            <Table.Th>Reference</Table.Th>
            <Table.Th>Detail</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
            <Table.Th ta="right">Open</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const checked = selection?.selected.includes(item.id) ?? false;
            return (
              <Table.Tr key={item.id} bg={checked ? 'var(--mantine-primary-color-light)' : undefined}>
                {selection && (
                  <Table.Td>
                    <Checkbox aria-label={`Pay ${item.reference}`} checked={checked} onChange={() => selection.onToggle(item.id)} />
                  </Table.Td>
                )}
                <Table.Td ff="monospace">{item.reference}</Table.Td>
                <Table.Td>{item.detail}</Table.Td>
                <Table.Td>{date(item.dueOn)}</Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {money(item.amount)}
                </Table.Td>
                <Table.Td ta="right" ff="monospace" fw={600}>
                  {money(item.open)}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
