import { Button } from '@mantine/core';
import type { SyncStatus } from '../../core/api/calls/sync.js';
import { go } from '../state/router.js';
import { useLoadedSettings } from '../state/settings.js';
import { useSyncStatus, useSyncStatusPolling } from '../state/sync-status.js';
import { STATE_COLORS, STATE_LABELS, clockTime, postings } from '../sync/words.js';

/**
 * The header's word on the link to the centre ("Online · all sent",
 * "Offline · 12 waiting since 10:02"); pressing it opens the sync page.
 */
export function SyncIndicator() {
  useSyncStatusPolling();
  const status = useSyncStatus((s) => s.status);
  const failed = useSyncStatus((s) => s.error !== null);
  const { dateFormat } = useLoadedSettings();
  const open = () => go({ name: 'sync' });

  if (!status) {
    return (
      <Button variant="light" color={failed ? 'red' : 'gray'} size="xs" onClick={open} aria-label={failed ? 'Sync: status unknown' : 'Sync: checking'}>
        {failed ? 'Sync status unknown' : 'Sync …'}
      </Button>
    );
  }
  const { text, spoken } = describe(status, dateFormat, new Date());
  return (
    <Button variant="light" color={status.parked > 0 && status.state === 'online' ? 'orange' : STATE_COLORS[status.state]} size="xs" onClick={open} aria-label={`Sync: ${spoken}`} title="Open the sync page">
      {text}
    </Button>
  );
}

/** What the button shows, and the same in a sentence for a screen reader. Refused postings are never "sent". */
function describe(status: SyncStatus, dateFormat: string, now: Date): { text: string; spoken: string } {
  const label = STATE_LABELS[status.state];
  const said = status.state === 'off' ? 'Off' : label;
  const { waiting, parked } = status;
  const since = status.oldestWaitingAt ? ` since ${clockTime(status.oldestWaitingAt, dateFormat, now)}` : '';
  const refused = parked > 0 ? [`${parked.toLocaleString('en')} refused`] : [];
  if (status.state === 'off' || status.state === 'unregistered') {
    return { text: label, spoken: `${said}, ${waiting === 0 ? 'nothing waiting' : `${postings(waiting)} waiting`}` };
  }
  const shown = [...(waiting > 0 ? [`${waiting.toLocaleString('en')} waiting${status.state === 'offline' ? since : ''}`] : []), ...refused];
  const spoken = [...(waiting > 0 ? [`${postings(waiting)} waiting${since}`] : []), ...(parked > 0 ? [`${postings(parked)} refused by the centre`] : [])];
  return { text: `${label} · ${shown.length === 0 ? 'all sent' : shown.join(' · ')}`, spoken: `${said}, ${spoken.length === 0 ? 'all sent' : spoken.join(', ')}` };
}
