import { Alert, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { v7 as uuidv7 } from 'uuid';
import type { TillReport } from '../../../core/api/calls/tills.js';
import type { ApiErrorData } from '../../../core/api/errors.js';
import { parseAmount } from '../../../core/money.js';
import { call } from '../../api/client.js';
import { useFormat } from '../../hooks/use-format.js';
import type { CurrentTill } from '../../state/till.js';
import { DialogActions } from '../dialog-actions.js';
import { ManagerApprovalFields, type Approval } from '../manager-approval.js';

type Direction = 'in' | 'out';
const FIELDS = ['amount', 'reason', 'approval', 'approval.username', 'approval.pin'];

/**
 * Cash put into the drawer or taken out (a float top-up, petty cash, a safe
 * drop), with its reason. Above the configured amount a branch manager
 * approves with their PIN. The id is made once per dialog, so a repeated
 * submit records one movement.
 */
export function CashMoveDialog({ tillSessionId, rules, onClose, onMoved }: { tillSessionId: string; rules: CurrentTill['rules']; onClose(): void; onMoved(report: TillReport): void }) {
  const { money } = useFormat();
  const [id] = useState(() => uuidv7());
  const [direction, setDirection] = useState<Direction>('in');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [approval, setApproval] = useState<Approval>({ username: '', pin: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorData | null>(null);
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);

  const parsed = parseAmount(amount);
  const needsApproval = parsed.ok && parsed.value > rules.cashMovementApprovalAbove;
  const ready = amount.trim() !== '' && reason.trim() !== '' && (!needsApproval || (approval.username.trim() !== '' && approval.pin !== ''));

  async function move() {
    setBusy(true);
    setError(null);
    const result = await call('till-cash-move', { id, tillSessionId, direction, amount, reason, ...(needsApproval ? { approval } : {}) });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    notifications.show({ color: 'green', message: `Cash ${direction} of ${parsed.ok ? money(parsed.value) : amount} recorded.` });
    onMoved(result.value);
  }

  return (
    <Modal opened onClose={onClose} title="Cash in or out" size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ready && !busy) void move();
        }}
      >
        <Stack gap="md">
          <SegmentedControl
            aria-label="Direction"
            w="fit-content"
            value={direction}
            onChange={(value) => setDirection(value as Direction)}
            data={[
              { value: 'in', label: 'Cash in' },
              { value: 'out', label: 'Cash out' },
            ]}
          />
          <TextInput label="Amount" description="Like 500.00" inputMode="decimal" autoComplete="off" data-autofocus value={amount} error={fieldError('amount')} onChange={(e) => setAmount(e.currentTarget.value)} />
          <TextInput label="Reason" description="A float top-up, petty cash, a safe drop…" maxLength={200} value={reason} error={fieldError('reason')} onChange={(e) => setReason(e.currentTarget.value)} />
          {needsApproval && (
            <Stack gap="xs">
              <Text size="sm">Cash {direction} above {money(rules.cashMovementApprovalAbove)} needs a branch manager's approval.</Text>
              <ManagerApprovalFields value={approval} errors={{ username: fieldError('approval.username'), pin: fieldError('approval.pin') ?? fieldError('approval') }} onChange={setApproval} />
            </Stack>
          )}
          {error && (!FIELDS.includes(error.field ?? '') || (error.field === 'approval' && !needsApproval)) && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          <DialogActions onCancel={onClose} ready={ready} busy={busy}>
            Record cash {direction}
          </DialogActions>
        </Stack>
      </form>
    </Modal>
  );
}
