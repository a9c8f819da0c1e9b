import { Button, Group, Kbd, Paper, Stack, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect } from 'react';
import { MANAGES_SYNC } from '../../core/auth/roles.js';
import { ErrorAlert } from '../components/error-alert.js';
import { Loading } from '../components/loading.js';
import { SyncLinkPanel } from '../components/sync-link-panel.js';
import { SyncParkedTable } from '../components/sync-parked-table.js';
import { SyncReviewsList } from '../components/sync-reviews-list.js';
import { go } from '../state/router.js';
import { useSession } from '../state/session.js';
import { useSyncStatus } from '../state/sync-status.js';

/** Esc inside a dialog closes the dialog, and only that. */
const fromDialog = (event: KeyboardEvent) => event.target instanceof Element && event.target.closest('[role="dialog"]') !== null;

/**
 * The sync page: how the link to the centre stands, for everyone; and for a
 * branch manager, what the centre refused and what sync flagged to review.
 */
export function SyncScreen() {
  const status = useSyncStatus((s) => s.status);
  const error = useSyncStatus((s) => s.error);
  const role = useSession((s) => s.user?.role);
  const manages = role !== undefined && MANAGES_SYNC.includes(role);
  const toDashboard = () => go({ name: 'dashboard' });
  useHotkeys([['Escape', (event) => !fromDialog(event) && toDashboard()]]);
  // The header polls; coming to the page asks at once rather than waiting for the next tick.
  useEffect(() => void useSyncStatus.getState().refresh(), []);

  return (
    <Stack gap="md" maw={1200} mx="auto">
      <Group justify="space-between" align="center">
        <Title order={1} size="h3">
          Sync with the centre
        </Title>
        <Button variant="default" onClick={toDashboard} rightSection={<Kbd size="xs">Esc</Kbd>}>
          Return to dashboard
        </Button>
      </Group>
      {status ? (
        <SyncLinkPanel status={status} />
      ) : error ? (
        <ErrorAlert title="The sync status could not be loaded" error={error} onRetry={() => void useSyncStatus.getState().refresh()} />
      ) : (
        <Loading what="the sync status" />
      )}
      {manages && (
        <>
          <Paper withBorder p="lg" component="section" aria-labelledby="sync-parked-title">
            <Title order={2} size="h4" id="sync-parked-title" mb="sm">
              Postings the centre refused
            </Title>
            <SyncParkedTable />
          </Paper>
          <Paper withBorder p="lg" component="section" aria-labelledby="sync-reviews-title">
            <Title order={2} size="h4" id="sync-reviews-title" mb="sm">
              To review
            </Title>
            <SyncReviewsList />
          </Paper>
        </>
      )}
    </Stack>
  );
}
