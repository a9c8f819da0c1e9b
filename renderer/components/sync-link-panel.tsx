import { Alert, Badge, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { SyncStatus } from '../../core/api/calls/sync.js';
import { call } from '../api/client.js';
import { useLoadedSettings } from '../state/settings.js';
import { useSyncStatus } from '../state/sync-status.js';
import { STATE_COLORS, STATE_LABELS, ago, clockTime, fromNow, progressText } from '../sync/words.js';
import { SummaryList } from './summary-list.js';

/** The link to the centre: where it goes, how it stands, what waits, and Sync now. */
export function SyncLinkPanel({ status }: { status: SyncStatus }) {
  const { dateFormat } = useLoadedSettings();
  const [starting, setStarting] = useState(false);
  const now = new Date();
  const at = (iso: string) => clockTime(iso, dateFormat, now);

  async function syncNow() {
    setStarting(true);
    const result = await call('sync-now', {});
    setStarting(false);
    if (!result.ok) return notifications.show({ color: 'red', title: 'Sync could not start', message: result.error.message });
    // The header's polling speeds up while the state is 'syncing' and follows the round.
    useSyncStatus.getState().show(result.value);
  }

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="sync-link-title">
      <Stack gap="md">
        <Group justify="space-between">
          <Group gap="sm">
            <Title order={2} size="h4" id="sync-link-title">
              The centre
            </Title>
            <Badge color={STATE_COLORS[status.state]} variant="filled" size="lg">
              {STATE_LABELS[status.state]}
            </Badge>
          </Group>
          <Button onClick={() => void syncNow()} loading={starting || status.state === 'syncing'} disabled={status.state === 'off'}>
            Sync now
          </Button>
        </Group>
        {status.state === 'off' && (
          <Alert color="gray" title="Not connected">
            This counter is not connected to a central server. Payments are kept here; set COUNTER_CENTRAL_URL to connect.
          </Alert>
        )}
        {status.state === 'unregistered' && (
          <Alert color="red" title="Not registered">
            The centre does not know this counter, so nothing is sent. Payments are kept here; set COUNTER_ENROLMENT_CODE to the code the centre issued, then restart the counter.
          </Alert>
        )}
        {status.progress && <SyncProgress progress={status.progress} />}
        <Group gap="xl" align="flex-start" role="list" aria-label="Postings">
          <Count value={status.waiting} label="waiting" hint="not yet accepted by the centre" />
          <Count value={status.blocked} label="held back" hint="waiting behind a refused posting of the same account" />
          <Count value={status.parked} label="refused" hint="refused by the centre, for a branch manager" />
        </Group>
        <SummaryList
          rows={[
            ['Centre', status.centralUrl ?? 'None'],
            status.oldestWaitingAt ? ['Oldest waiting since', at(status.oldestWaitingAt)] : null,
            ['Last sent', status.lastSuccessAt ? `${at(status.lastSuccessAt)}, ${ago(status.lastSuccessAt, now)}` : 'Never'],
            status.lastError ? ['Last error', status.lastError] : null,
            status.nextAttemptAt ? ['Next attempt', `${at(status.nextAttemptAt)}, ${fromNow(status.nextAttemptAt, now)}`] : null,
          ]}
        />
      </Stack>
    </Paper>
  );
}

function SyncProgress({ progress }: { progress: NonNullable<SyncStatus['progress']> }) {
  const text = progressText(progress);
  const percent = progress.total > 0 ? Math.min(100, (progress.done / progress.total) * 100) : 0;
  return (
    <Stack gap={4}>
      <Text size="sm">{text}</Text>
      <Progress value={percent} animated aria-label={text} />
    </Stack>
  );
}

function Count({ value, label, hint }: { value: number; label: string; hint: string }) {
  return (
    <Stack gap={0} role="listitem" maw={220}>
      <Text>
        <Text span fw={700} size="xl">
          {value.toLocaleString('en')}
        </Text>{' '}
        {label}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Stack>
  );
}
