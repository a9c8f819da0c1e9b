import { Button, Table, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { CallOutput } from '../../core/api/contract.js';
import { useCall } from '../hooks/use-call.js';
import { useLoadedSettings } from '../state/settings.js';
import { useSyncStatus } from '../state/sync-status.js';
import { clockTime } from '../sync/words.js';
import { ErrorAlert } from './error-alert.js';
import { Loading } from './loading.js';
import { SyncResolveDialog } from './sync-resolve-dialog.js';

type Review = CallOutput<'sync-reviews-list'>[number];

/** What sync flagged for a branch manager (an M-PESA confirmation that disagrees, a till the centre counted differently). */
export function SyncReviewsList() {
  const list = useCall('sync-reviews-list', {});
  const { dateFormat } = useLoadedSettings();
  const [resolving, setResolving] = useState<Review | null>(null);
  const lastSuccessAt = useSyncStatus((s) => s.status?.lastSuccessAt ?? null);
  const seen = useRef(lastSuccessAt);
  useEffect(() => {
    // A round that went through may have brought something new to review.
    if (seen.current === lastSuccessAt) return;
    seen.current = lastSuccessAt;
    list.reload();
  }, [lastSuccessAt, list]);

  if (list.status === 'loading') return <Loading what="the reviews" />;
  if (list.status === 'error') return <ErrorAlert title="The reviews could not be loaded" error={list.error} onRetry={list.reload} />;
  if (list.value.length === 0) return <Text c="dimmed">Nothing to review</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>What</Table.Th>
              <Table.Th>Detail</Table.Th>
              <Table.Th>Found at</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.value.map((review) => (
              <Table.Tr key={review.id}>
                <Table.Td>{review.kindLabel}</Table.Td>
                <Table.Td>{review.detail}</Table.Td>
                <Table.Td>{clockTime(review.createdAt, dateFormat, new Date())}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => setResolving(review)} aria-label={`Resolve ${review.kindLabel}: ${review.detail}`}>
                    Resolve
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {resolving && (
        <SyncResolveDialog
          review={resolving}
          onClose={() => setResolving(null)}
          onResolved={() => {
            setResolving(null);
            list.reload();
          }}
        />
      )}
    </>
  );
}
