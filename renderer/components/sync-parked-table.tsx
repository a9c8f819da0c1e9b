import { Button, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import type { CallOutput } from '../../core/api/contract.js';
import { call } from '../api/client.js';
import { useCall } from '../hooks/use-call.js';
import { useFormat } from '../hooks/use-format.js';
import { useLoadedSettings } from '../state/settings.js';
import { useSyncStatus } from '../state/sync-status.js';
import { clockTime, postingKindLabel } from '../sync/words.js';
import { ErrorAlert } from './error-alert.js';
import { Loading } from './loading.js';

type Parked = CallOutput<'sync-parked-list'>[number];

/**
 * Postings the centre refused, for a branch manager: what, whose, why, and
 * what waits behind each. Retry sends one again with the next round.
 */
export function SyncParkedTable() {
  const list = useCall('sync-parked-list', {});
  const parkedCount = useSyncStatus((s) => s.status?.parked ?? null);
  const seen = useRef(parkedCount);
  useEffect(() => {
    // Sync may park or settle postings between two looks; follow the count.
    if (seen.current === parkedCount) return;
    seen.current = parkedCount;
    list.reload();
  }, [parkedCount, list]);

  if (list.status === 'loading') return <Loading what="refused postings" />;
  if (list.status === 'error') return <ErrorAlert title="Refused postings could not be loaded" error={list.error} onRetry={list.reload} />;
  if (list.value.length === 0) return <Text c="dimmed">Nothing refused</Text>;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Posting</Table.Th>
            <Table.Th>Account</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
            <Table.Th>The centre's reason</Table.Th>
            <Table.Th>Refused at</Table.Th>
            <Table.Th>Behind it</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.value.map((posting) => (
            <ParkedRow key={posting.id} posting={posting} onRetried={list.reload} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ParkedRow({ posting, onRetried }: { posting: Parked; onRetried(): void }) {
  const { money } = useFormat();
  const { dateFormat } = useLoadedSettings();
  const [busy, setBusy] = useState(false);
  const kind = postingKindLabel(posting.kind);
  const whose = posting.accountNumber || posting.consumerName;

  async function retry() {
    setBusy(true);
    const result = await call('sync-parked-retry', { postingId: posting.id });
    setBusy(false);
    if (result.ok) {
      useSyncStatus.getState().show(result.value);
      notifications.show({ color: 'green', title: 'Sent again', message: `${kind} of ${whose} goes to the centre with the next round.` });
    } else {
      notifications.show({ color: 'red', title: `${kind} of ${whose} was not sent again`, message: result.error.message });
    }
    onRetried();
  }

  return (
    <Table.Tr>
      <Table.Td>{kind}</Table.Td>
      <Table.Td>
        {posting.consumerName}{' '}
        <Text span c="dimmed" size="sm" ff="monospace">
          {posting.accountNumber}
        </Text>
      </Table.Td>
      <Table.Td ta="right" ff="monospace">
        {posting.amount === 0 ? '—' : money(posting.amount)}
      </Table.Td>
      <Table.Td>{posting.reason}</Table.Td>
      <Table.Td>{clockTime(posting.parkedAt, dateFormat, new Date())}</Table.Td>
      <Table.Td>{posting.waitingBehind === 0 ? 'Nothing waiting behind it' : `${posting.waitingBehind.toLocaleString('en')} waiting behind it`}</Table.Td>
      <Table.Td>
        <Button size="xs" variant="light" loading={busy} onClick={() => void retry()} aria-label={`Retry ${kind} of ${whose}`}>
          Retry
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
