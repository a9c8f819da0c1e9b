import { Alert, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { CallOutput } from '../../core/api/contract.js';
import type { ApiErrorData } from '../../core/api/errors.js';
import { call } from '../api/client.js';
import { useFormat } from '../hooks/use-format.js';
import { ManagerApprovalFields, type Approval } from './manager-approval.js';
import { DialogActions } from './dialog-actions.js';

type Payment = CallOutput<'payment-get'>;

/**
 * Reversing a posted payment: a reason and a branch manager's PIN. Nothing
 * is edited; the reversal is new ledger lines, and the bills it paid are
 * open again.
 */
export function ReverseDialog({ payment, onClose, onReversed }: { payment: Payment; onClose(): void; onReversed(): void }) {
  const { money } = useFormat();
  const [reason, setReason] = useState('');
  const [approval, setApproval] = useState<Approval>({ username: '', pin: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorData | null>(null);
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);
  const ready = reason.trim() !== '' && approval.username.trim() !== '' && approval.pin !== '';

  async function reverse() {
    setBusy(true);
    setError(null);
    const result = await call('payment-reverse', { paymentId: payment.id, reason, approval });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    notifications.show({ color: 'orange', title: `Receipt ${payment.receiptNumber} reversed`, message: `Reversal ${result.value.reversal?.number ?? ''}: ${money(payment.amount)} is owed again.` });
    onReversed();
  }

  return (
    <Modal opened onClose={onClose} title={`Reverse receipt ${payment.receiptNumber}`} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ready && !busy) void reverse();
        }}
      >
        <Stack gap="md">
          <Text size="sm">
            {money(payment.amount)} paid by {payment.consumer.name} on {payment.allocations.map((a) => a.reference).join(', ')} will be owed again
            {payment.creditNotes.length > 0 ? `, and credit note ${payment.creditNotes.map((n) => n.number).join(', ')} is cancelled` : ''}.
          </Text>
          <Textarea label="Reason" data-autofocus autosize minRows={2} maxLength={500} value={reason} error={fieldError('reason')} onChange={(e) => setReason(e.currentTarget.value)} />
          <ManagerApprovalFields value={approval} errors={{ username: fieldError('approval.username'), pin: fieldError('approval.pin') ?? fieldError('approval') }} onChange={setApproval} />
          {error && !['reason', 'approval', 'approval.username', 'approval.pin'].includes(error.field ?? '') && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          <DialogActions onCancel={onClose} ready={ready} busy={busy} color="red">
            Reverse payment
          </DialogActions>
        </Stack>
      </form>
    </Modal>
  );
}
