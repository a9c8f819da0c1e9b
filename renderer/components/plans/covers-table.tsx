import { Checkbox, Table, Text } from '@mantine/core';
import type { AccountItem } from '../../payments/draft.js';
import { useFormat } from '../../hooks/use-format.js';

/** The account's open bills and service charges, each with a box to put it on the plan. */
export function CoversTable({ items, chosen, error, onToggle }: { items: AccountItem[]; chosen: readonly string[]; error?: string | undefined; onToggle(itemId: string): void }) {
  const { money, date } = useFormat();
  if (items.length === 0) return <Text c="dimmed">This account has no open bills or service charges to put on a plan.</Text>;

  return (
    <>
      <Table.ScrollContainer minWidth={520}>
        <Table highlightOnHover aria-describedby={error ? 'covers-error' : undefined}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40} aria-label="Cover" />
              <Table.Th>Reference</Table.Th>
              <Table.Th>Detail</Table.Th>
              <Table.Th>Due</Table.Th>
              <Table.Th ta="right">Open</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => {
              const checked = chosen.includes(item.id);
              return (
                <Table.Tr key={item.id} bg={checked ? 'var(--mantine-primary-color-light)' : undefined}>
                  <Table.Td>
                    <Checkbox aria-label={`Cover ${item.reference}`} checked={checked} onChange={() => onToggle(item.id)} />
                  </Table.Td>
                  <Table.Td ff="monospace">{item.reference}</Table.Td>
                  <Table.Td>{item.detail}</Table.Td>
                  <Table.Td>{date(item.dueOn)}</Table.Td>
                  <Table.Td ta="right" ff="monospace" fw={600}>
                    {money(item.open)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {error && (
        <Text id="covers-error" c="red" size="xs" role="alert">
          {error}
        </Text>
      )}
    </>
  );
}
