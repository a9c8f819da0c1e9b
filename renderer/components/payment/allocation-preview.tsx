import { ActionIcon, Group, Table, Text } from '@mantine/core';
import { cents, parseAmount } from '../../../core/money.js';
import { allocate } from '../../../core/payments/allocate.js';
import { useFormat } from '../../hooks/use-format.js';
import type { AccountItem } from '../../payments/draft.js';

interface AllocationPreviewProps {
  items: AccountItem[];
  amountPaid: string;
  onMove(itemId: string, step: -1 | 1): void;
}

/**
 * What each chosen item will receive and what stays outstanding, worked out by
 * the same rule the backend posts with, in the order the payment fills them;
 * the arrows change that order.
 */
export function AllocationPreview({ items, amountPaid, onMove }: AllocationPreviewProps) {
  const { money } = useFormat();
  if (items.length === 0) return null;
  const paid = parseAmount(amountPaid);
  const payable = items.map((item) => ({ ...item, amount: cents(item.amount), open: cents(item.open) }));
  const { allocations } = allocate(paid.ok ? paid.value : cents(0), payable);
  const received = (itemId: string) => allocations.find((a) => a.item.id === itemId)?.applied ?? 0;

  return (
    <Table fz="sm" verticalSpacing={4} aria-label="Allocation" style={{ whiteSpace: 'nowrap' }}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={40}>#</Table.Th>
          <Table.Th>Item</Table.Th>
          <Table.Th ta="right">Open</Table.Th>
          <Table.Th ta="right">Will receive</Table.Th>
          <Table.Th ta="right">Outstanding after</Table.Th>
          {items.length > 1 && <Table.Th w={80} aria-label="Order" />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item, n) => {
          const gets = received(item.id);
          return (
            <Table.Tr key={item.id}>
              <Table.Td>{n + 1}</Table.Td>
              <Table.Td ff="monospace">{item.reference}</Table.Td>
              <Table.Td ta="right" ff="monospace">
                {money(item.open)}
              </Table.Td>
              <Table.Td ta="right" ff="monospace" fw={600} c={gets === 0 ? 'dimmed' : undefined}>
                {money(gets)}
              </Table.Td>
              <Table.Td ta="right" ff="monospace" c={item.open - gets > 0 ? 'orange' : 'green'}>
                {money(item.open - gets)}
              </Table.Td>
              {items.length > 1 && (
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon variant="subtle" size="sm" disabled={n === 0} aria-label={`Pay ${item.reference} earlier`} onClick={() => onMove(item.id, -1)}>
                      ↑
                    </ActionIcon>
                    <ActionIcon variant="subtle" size="sm" disabled={n === items.length - 1} aria-label={`Pay ${item.reference} later`} onClick={() => onMove(item.id, 1)}>
                      ↓
                    </ActionIcon>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
      {items.length > 1 && (
        <Table.Caption>
          <Text span size="xs" c="dimmed">
            Oldest due is paid first; use the arrows to change the order.
          </Text>
        </Table.Caption>
      )}
    </Table>
  );
}
