import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { TillReport, TillSessionView } from '../../../core/api/calls/tills.js';
import { useCall } from '../../hooks/use-call.js';
import { useFormat } from '../../hooks/use-format.js';
import { useLoadedSettings } from '../../state/settings.js';
import { useTill, type CurrentTill } from '../../state/till.js';
import { clockTime } from '../../sync/words.js';
import { COUNTED_METHOD_LABELS } from '../../tills/words.js';
import { ErrorAlert } from '../error-alert.js';
import { Loading } from '../loading.js';
import { TillApprovalForm } from './till-approval-form.js';
import { TillCountForm } from './till-count-form.js';
import { VarianceTable } from './variance-table.js';

/**
 * Closing a till: the blind count; then, within the tolerance, the till is
 * closed; beyond it, the variance per method and the choice of a recount or
 * a branch manager's approval. Every count stays on the till's record.
 */
export function TillClose({ till, rules, onCancel, onClosed }: { till: TillSessionView; rules: CurrentTill['rules']; onCancel(): void; onClosed(tillSessionId: string): void }) {
  const loaded = useCall('till-report', { tillSessionId: till.id });
  const [latest, setLatest] = useState<TillReport | null>(null);
  const [recounting, setRecounting] = useState(false);

  if (loaded.status === 'loading' && !latest) return <Loading what="the till" />;
  if (loaded.status === 'error' && !latest) return <ErrorAlert title="The till could not be loaded" error={loaded.error} onRetry={loaded.reload} />;
  const report = latest ?? (loaded.status === 'ok' ? loaded.value : null);
  if (!report) return null;

  const counted = report.session.status === 'awaiting_approval' && report.counts.length > 0;
  const afterCount = (next: TillReport) => {
    if (next.session.status === 'closed') return onClosed(next.session.id);
    setLatest(next);
    setRecounting(false);
    void useTill.getState().refresh();
  };

  if (!counted || recounting) {
    return <TillCountForm tillSessionId={till.id} rules={rules} recount={counted} expected={report} onCounted={afterCount} onCancel={counted ? () => setRecounting(false) : onCancel} />;
  }
  return <CountResult report={report} onRecount={() => setRecounting(true)} onClosed={(closed) => onClosed(closed.session.id)} />;
}

function CountResult({ report, onRecount, onClosed }: { report: TillReport; onRecount(): void; onClosed(report: TillReport): void }) {
  const { money } = useFormat();
  const { dateFormat } = useLoadedSettings();
  const beyond = report.beyondTolerance.map((m) => COUNTED_METHOD_LABELS[m]).join(', ');

  return (
    <Stack gap="md" component="section" aria-label="Count result">
      <Alert color="orange" title="The count is beyond the tolerance" role="status">
        The variance on {beyond} is more than the tolerance. Recount the drawer, or ask a branch manager to approve the close.
      </Alert>
      <VarianceTable report={report} />
      <Stack gap={4} aria-label="Counts kept" component="section">
        <Text size="sm" fw={600}>
          Counts kept
        </Text>
        {report.counts.map((c, n) => (
          <Text key={n} size="sm">
            {c.recount ? 'Recount' : 'First count'} at {clockTime(c.at, dateFormat, new Date())} by {c.by}: cash {money(c.cash)}, card {money(c.card)}, M-PESA {money(c.mpesa)}
          </Text>
        ))}
      </Stack>
      <Group>
        <Button variant="default" onClick={onRecount}>
          Recount
        </Button>
      </Group>
      <TillApprovalForm tillSessionId={report.session.id} onClosed={onClosed} />
    </Stack>
  );
}
