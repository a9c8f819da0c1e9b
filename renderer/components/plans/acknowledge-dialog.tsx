import { Alert, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { CallOutput } from '../../../core/api/contract.js';
import type { ApiErrorData } from '../../../core/api/errors.js';
import { call } from '../../api/client.js';
import { DialogActions } from '../dialog-actions.js';

type PlanAlert = CallOutput<'plan-alerts'>['alerts'][number];

/** Marks an alert as seen, with a note of what was done about it (a call made, a visit agreed). */
export function AcknowledgeDialog({ alert, onClose, onDone }: { alert: PlanAlert; onClose(): void; onDone(): void }) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorData | null>(null);

  async function acknowledge() {
    setBusy(true);
    setError(null);
    const result = await call('plan-alert-acknowledge', { alertId: alert.id, ...(note.trim() ? { note } : {}) });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    onDone();
  }

  return (
    <Modal opened onClose={onClose} title={`Acknowledge the alert on ${alert.planNumber}`} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void acknowledge();
        }}
      >
        <Stack gap="md">
          <Text size="sm">{alert.message}</Text>
          <Textarea label="Note" description="What was done about it; optional" autosize minRows={2} maxLength={500} data-autofocus value={note} error={error?.field === 'note' ? error.message : undefined} onChange={(e) => setNote(e.currentTarget.value)} />
          {error && error.field !== 'note' && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          <DialogActions onCancel={onClose} ready busy={busy}>
            Acknowledge
          </DialogActions>
        </Stack>
      </form>
    </Modal>
  );
}
