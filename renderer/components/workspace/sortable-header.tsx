import { Table, UnstyledButton } from '@mantine/core';
import type { Direction } from '../../workspace/view.js';

/** A column header that sorts the table by its column; clicking it again turns the order round. */
export function SortableHeader<S extends string>({ column, label, sort, direction, onSort, align }: { column: S; label: string; sort: S; direction: Direction; onSort(column: S): void; align?: 'right' }) {
  const active = sort === column;
  return (
    <Table.Th ta={align} aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton fw={700} fz="sm" onClick={() => onSort(column)}>
        {label}
        <span aria-hidden style={{ marginLeft: 4, opacity: active ? 1 : 0.3 }}>
          {active && direction === 'asc' ? '▲' : '▼'}
        </span>
      </UnstyledButton>
    </Table.Th>
  );
}
