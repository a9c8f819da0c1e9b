import { Group, Loader, Pagination, Text } from '@mantine/core';
import { pageCount, rangeText } from '../../workspace/paging.js';
import { PAGE_SIZE } from '../../workspace/view.js';

interface PagerProps {
  label: string;
  page: number;
  /** Rows on the page shown. */
  shown: number;
  /** Every match, or null while it is being counted. */
  total: number | null;
  /** Whether rows follow this page; read only while the total is null. */
  more?: boolean;
  loading: boolean;
  onPage(page: number): void;
}

/** "1–50 of 12,345" (or "of many" while counting) and the pages, under a tab's table. */
export function TablePager({ label, page, shown, total, more = false, loading, onPage }: PagerProps) {
  const facts = { page, shown, total, more };
  return (
    <Group justify="space-between" wrap="nowrap">
      <Group gap="xs">
        <Text size="sm" c="dimmed" role="status" aria-label={`${label} shown`}>
          {rangeText(facts, PAGE_SIZE)}
        </Text>
        {loading && <Loader size="xs" aria-label={`Loading ${label}`} />}
      </Group>
      <Pagination size="sm" total={pageCount(facts, PAGE_SIZE)} value={page} onChange={onPage} siblings={1} boundaries={1} aria-label={`Pages of ${label}`} />
    </Group>
  );
}
