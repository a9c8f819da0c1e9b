import { Group, Table, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';

/** A column header that sorts the list by its column; says which way it is sorted to a screen reader as well. */
export function SortHeader({ children, active, direction, align, onSort }: { children: ReactNode; active: boolean; direction: 'asc' | 'desc'; align?: 'right'; onSort(): void }) {
  return (
    <Table.Th aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'} ta={align}>
      <UnstyledButton onClick={onSort} fw={700} fz="sm" w={align ? '100%' : undefined}>
        <Group gap={4} wrap="nowrap" justify={align === 'right' ? 'flex-end' : 'flex-start'}>
          {children}
          <span aria-hidden>{active ? (direction === 'asc' ? '▲' : '▼') : '↕'}</span>
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
