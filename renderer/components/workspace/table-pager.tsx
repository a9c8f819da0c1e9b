import { Group, Loader, Pagination, Text } from '@mantine/core';
import { pageCount, rangeText } from '../../workspace/paging.js';
import { PAGE_SIZE } from '../../workspace/view.js';

/** "1–50 of 12,345" and the pages, under a tab's table. */
export function TablePager({ label, page, total, loading, onPage }: { label: string; page: number; total: number; loading: boolean; onPage(page: number): void }) {
  return (
    <Group justify="space-between" wrap="nowrap">
      <Group gap="xs">
        <Text size="sm" c="dimmed" role="status" aria-label={`${label} shown`}>
          {rangeText(page, PAGE_SIZE, total)}
        </Text>
        {loading && <Loader size="xs" aria-label={`Loading ${label}`} />}
      </Group>
      <Pagination size="sm" total={pageCount(total, PAGE_SIZE)} value={page} onChange={onPage} siblings={1} boundaries={1} aria-label={`Pages of ${label}`} />
    </Group>
  );
}
