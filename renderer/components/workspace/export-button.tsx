import { Button, Group, Menu, Modal, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import type { Result } from '../../../core/api/errors.js';
import { toCsv, type CsvColumn } from '../../../core/export/csv.js';
import { today } from '../../payments/draft.js';
import { exportFileName, toSheet } from '../../workspace/export-rows.js';
import { fetchAll, type ExportPage } from '../../workspace/fetch-all.js';
import { countText, rowsDoneText } from '../../workspace/paging.js';
import { downloadCsv, saveFile } from '../../download.js';

type Format = 'csv' | 'xlsx';
type FetchPage<Row> = (offset: number, limit: number) => Promise<Result<ExportPage<Row>>>;

const NOUNS = { payments: 'payments', 'credit-notes': 'credit notes' } as const;

/**
 * Export to CSV or Excel of exactly what the tab shows (its search, filters
 * and order), every page of it, with the rows counted in as they come and a
 * Cancel. `fetchPage` is null while there is nothing to export.
 */
export function ExportButton<Row extends { id: string }>({ what, columns, fetchPage }: { what: keyof typeof NOUNS; columns: ReadonlyArray<CsvColumn<Row>>; fetchPage: FetchPage<Row> | null }) {
  const noun = NOUNS[what];
  // progress is null until the first page is in.
  const [running, setRunning] = useState<{ progress: { done: number; total: number | null } | null; cancelling: boolean } | null>(null);
  const cancelled = useRef(false);

  async function run(format: Format) {
    if (!fetchPage) return;
    cancelled.current = false;
    setRunning({ progress: null, cancelling: false });
    const result = await fetchAll(fetchPage, { onProgress: (done, total) => setRunning((r) => r && { ...r, progress: { done, total } }), cancelled: () => cancelled.current });
    if (result.status === 'done') {
      const fileName = exportFileName(what, today(), format);
      if (format === 'csv') downloadCsv(toCsv(columns, result.rows), fileName);
      else saveFile(await excelBlob(columns, result.rows), fileName);
      notifications.show({ color: 'green', title: `Exported ${countText(result.rows.length)} ${noun}`, message: fileName });
    } else if (result.status === 'failed') {
      notifications.show({ color: 'red', title: `The ${noun} could not be exported`, message: result.error.message });
    }
    setRunning(null);
  }

  // The page on its way is let finish; nothing is asked after it.
  const cancel = () => {
    cancelled.current = true;
    setRunning((r) => r && { ...r, cancelling: true });
  };
  const progress = running?.progress ?? null;
  // With no total to measure against, the bar runs full and striped: busy, not a share.
  const percent = progress === null ? 0 : progress.total === null ? 100 : Math.round((progress.done / Math.max(progress.total, 1)) * 100);
  return (
    <>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button variant="default" disabled={!fetchPage || running !== null}>
            Export
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => void run('csv')}>CSV (.csv)</Menu.Item>
          <Menu.Item onClick={() => void run('xlsx')}>Excel (.xlsx)</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={running !== null} onClose={cancel} withCloseButton={false} closeOnClickOutside={false} title={`Exporting ${noun}`}>
        <Stack gap="sm">
          <Progress value={percent} animated aria-label="Export progress" />
          <Text size="sm" role="status">
            {progress === null ? 'Starting…' : rowsDoneText(progress.done, progress.total)}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" loading={running?.cancelling} onClick={cancel}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** The Excel writer is loaded the first time it is needed, not with the app. */
async function excelBlob<Row>(columns: ReadonlyArray<CsvColumn<Row>>, rows: readonly Row[]): Promise<Blob> {
  const { default: writeExcelFile } = await import('write-excel-file/browser');
  return writeExcelFile(toSheet(columns, rows), { columns: columns.map((c) => ({ width: Math.max(12, c.header.length + 2) })) }).toBlob();
}
