import { Alert,Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { v7 as uuidv7 } from 'uuid';
import type { CallOutput } from '../../core/api/contract.js';
import type { ApiErrorData } from '../../core/api/errors.js';
import { cents, toDecimalText } from '../../core/money.js';
import { call } from '../api/client.js';
import { DialogActions } from './dialog-actions.js';

type Payment = CallOutput<'payment-get'>;

/**
 * An administrator's edit of a posted payment. Nothing posted is changed: the
 * payment is reversed and the corrected one recorded with a receipt of its
 * own, for the same consumer, items, method and date.
 */
export function CorrectDialog({ payment, onClose, onCorrected }: { payment: Payment; onClose(): void; onCorrected(paymentId: string): void }) {
  const cash = payment.method === 'cash';
  const [reason, setReason] = useState('');
  const [amountPaid, setAmountPaid] = useState(toDecimalText(cents(payment.amount)));
  const [amountReceived, setAmountReceived] = useState(toDecimalText(cents(payment.amountReceived ?? payment.amount)));
  const [reference, setReference] = useState(payment.reference ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorData | null>(null);
  const fieldError = (field: string) => (error?.field === field || error?.field === `replacement.${field}` ? error.message : undefined);

  async function correct() {
    setBusy(true);
    setError(null);
    const result = await call('payment-correct', {
      paymentId: payment.id,
      reason,
      replacement: {
        id: uuidv7(),
        consumerId: payment.consumer.id,
        type: payment.type,
        itemIds: payment.allocations.map((a) => a.itemId),
        method: payment.method,
        channel: payment.channel,
        amountPaid,
        amountReceived: cash ? amountReceived : undefined,
        reference: cash || payment.method === 'credit_note' ? undefined : reference,
        cardLast4: payment.cardLast4 ?? undefined,
        bankName: payment.bankName ?? undefined,
        creditNoteId: payment.appliedCreditNote?.id,
        notes: payment.notes ?? undefined,
        paymentDate: payment.paymentDate,
      },
    });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    notifications.show({ color: 'orange', title: `Receipt ${payment.receiptNumber} corrected`, message: `Reversed, and recorded again as ${result.value.receiptNumber}.` });
    onCorrected(result.value.id);
  }

  return (
    <Modal opened onClose={onClose} title={`Edit receipt ${payment.receiptNumber}`} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy && reason.trim()) void correct();
        }}
      >
        <Stack gap="md">
          <Text size="sm">The posted payment is reversed and the corrected one gets a new receipt; both stay in the ledger.</Text>
          <Group grow align="flex-start">
            <TextInput label="Amount paid" inputMode="decimal" data-autofocus value={amountPaid} error={fieldError('amountPaid')} onChange={(e) => setAmountPaid(e.currentTarget.value)} />
            {cash && <TextInput label="Amount received" inputMode="decimal" value={amountReceived} error={fieldError('amountReceived')} onChange={(e) => setAmountReceived(e.currentTarget.value)} />}
            {!cash && payment.method !== 'credit_note' && <TextInput label="Reference" value={reference} error={fieldError('reference')} onChange={(e) => setReference(e.currentTarget.value)} />}
          </Group>
          <Textarea label="Reason" autosize minRows={2} maxLength={500} value={reason} error={fieldError('reason')} onChange={(e) => setReason(e.currentTarget.value)} />
          {error && !fieldError(error.field?.replace(/^replacement\./, '') ?? '') && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          <DialogActions onCancel={onClose} ready={reason.trim() !== ''} busy={busy} color="orange">
            Reverse and record again
          </DialogActions>
        </Stack>
      </form>
    </Modal>
  );
}
