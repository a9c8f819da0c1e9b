import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { PlanView } from '../../../core/api/calls/plans.js';
import type { ApiErrorData } from '../../../core/api/errors.js';
import { call } from '../../api/client.js';
import { useFormat } from '../../hooks/use-format.js';
import { cancelNeedsApproval } from '../../plans/approval.js';
import { useSession } from '../../state/session.js';
import { ManagerApprovalFields, type Approval } from '../manager-approval.js';

const FIELDS = ['reason', 'approval', 'approval.username', 'approval.pin'];

/** Ends the plan: what is still open goes back onto the arrears it came from, and the disconnection hold is released. */
export function CancelPlanDialog({ plan, onClose, onDone }: { plan: PlanView; onClose(): void; onDone(plan: PlanView): void }) {
  const { money } = useFormat();
  const role = useSession((s) => s.user?.role);
  const [reason, setReason] = useState('');
  const [approval, setApproval] = useState<Approval>({ username: '', pin: '' });
  const [asked, setAsked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorData | null>(null);
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);

  const needsApproval = asked || (role !== undefined && cancelNeedsApproval(role));
  const ready = reason.trim() !== '' && (!needsApproval || (approval.username.trim() !== '' && approval.pin !== ''));

  async function cancel() {
    setBusy(true);
    setError(null);
    const result = await call('plan-cancel', { planId: plan.id, reason, ...(needsApproval ? { approval } : {}) });
    setBusy(false);
    if (!result.ok) {
      if (result.error.field?.startsWith('approval')) setAsked(true);
      return setError(result.error);
    }
    notifications.show({ color: 'green', message: `${result.value.number} cancelled; its arrears are back on the account.` });
    onDone(result.value);
  }

  return (
    <Modal opened onClose={onClose} title={`Cancel ${plan.number}`} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ready && !busy) void cancel();
        }}
      >
        <Stack gap="md">
          <Text size="sm">
            What is still open, {money(plan.open)}, goes back onto the bills and charges it came from, and the account is no longer held from disconnection. This cannot be undone.
          </Text>
          <Textarea label="Reason" description="Kept in the plan's history" autosize minRows={2} maxLength={500} data-autofocus value={reason} error={fieldError('reason')} onChange={(e) => setReason(e.currentTarget.value)} />
          {needsApproval && (
            <Stack gap="xs">
              <Text size="sm">Cancelling a plan needs a branch manager's approval.</Text>
              <ManagerApprovalFields value={approval} errors={{ username: fieldError('approval.username'), pin: fieldError('approval.pin') ?? fieldError('approval') }} onChange={setApproval} />
            </Stack>
          )}
          {error && !FIELDS.includes(error.field ?? '') && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Keep the plan
            </Button>
            <Button type="submit" color="red" disabled={!ready} loading={busy}>
              Cancel plan
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
