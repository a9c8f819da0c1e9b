import { Button, Group, Menu, Modal, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import type { Result } from '../../../core/api/errors.js';
import { toCsv, type CsvColumn } from '../../../core/export/csv.js';
import { today } from '../../payments/draft.js';
import { exportFileName, toSheet } from '../../workspace/export-rows.js';
import { fetchAll } from '../../workspace/fetch-all.js';
import { countText } from '../../workspace/paging.js';
import { downloadCsv, saveFile } from '../../download.js';

type Format = 'csv' | 'xlsx';
type FetchPage<Row> = (offset: number, limit: number) => Promise<Result<{ rows: Row[]; total: number }>>;

const NOUNS = { payments: 'payments', 'credit-notes': 'credit notes' } as const;

/**
 * Export to CSV or Excel of exactly what the tab shows (its search, filters
 * and order), every page of it, with the rows counted in as they come and a
 * Cancel. `fetchPage` is null while there is nothing to export.
 */
export function ExportButton<Row extends { id: string }>({ what, columns, fetchPage }: { what: keyof typeof NOUNS; columns: ReadonlyArray<CsvColumn<Row>>; fetchPage: FetchPage<Row> | null }) {
  const noun = NOUNS[what];
  const [running, setRunning] = useState<{ done: number; total: number | null; cancelling: boolean } | null>(null);
  const cancelled = useRef(false);

  async function run(format: Format) {
    if (!fetchPage) return;
    cancelled.current = false;
    setRunning({ done: 0, total: null, cancelling: false });
    const result = await fetchAll(fetchPage, { onProgress: (done, total) => setRunning((r) => r && { ...r, done, total }), cancelled: () => cancelled.current });
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
  const percent = running?.total ? Math.round((running.done / running.total) * 100) : 0;
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
            {running === null || running.total === null ? 'Starting…' : `${countText(running.done)} of ${countText(running.total)} rows`}
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
