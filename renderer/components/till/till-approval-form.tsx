import { Alert, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { TillReport } from '../../../core/api/calls/tills.js';
import type { ApiErrorData } from '../../../core/api/errors.js';
import { call } from '../../api/client.js';
import { ManagerApprovalFields, type Approval } from '../manager-approval.js';

const FIELDS = ['reason', 'approval', 'approval.username', 'approval.pin'];

/** A variance beyond the tolerance: a branch manager, not the cashier, approves it with their PIN and a reason, and the till closes. */
export function TillApprovalForm({ tillSessionId, onClosed }: { tillSessionId: string; onClosed(report: TillReport): void }) {
  const [approval, setApproval] = useState<Approval>({ username: '', pin: '' });
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorData | null>(null);
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);
  const ready = reason.trim() !== '' && approval.username.trim() !== '' && approval.pin !== '';

  async function approve() {
    setBusy(true);
    setError(null);
    const result = await call('till-approve-close', { tillSessionId, reason, approval });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    onClosed(result.value);
  }

  return (
    <form
      aria-labelledby="till-approval-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready && !busy) void approve();
      }}
    >
      <Stack gap="md">
        <Title order={3} size="h5" id="till-approval-title">
          Manager approval
        </Title>
        <Text size="sm">A branch manager approves the variance with their PIN and a reason; the till then closes.</Text>
        <ManagerApprovalFields value={approval} errors={{ username: fieldError('approval.username'), pin: fieldError('approval.pin') ?? fieldError('approval') }} onChange={setApproval} />
        <Textarea label="Reason for the variance" autosize minRows={2} maxLength={500} value={reason} error={fieldError('reason')} onChange={(e) => setReason(e.currentTarget.value)} />
        {error && !FIELDS.includes(error.field ?? '') && (
          <Alert color="red" role="alert">
            {error.message}
          </Alert>
        )}
        <Group>
          <Button type="submit" color="orange" disabled={!ready} loading={busy}>
            Approve and close
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
