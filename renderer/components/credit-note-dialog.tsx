import { Modal, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import type { CallOutput } from '../../core/api/contract.js';
import type { ApiErrorData } from '../../core/api/errors.js';
import { parseAmount, toDecimalText, cents } from '../../core/money.js';
import { call } from '../api/client.js';
import { useCall } from '../hooks/use-call.js';
import { useFormat } from '../hooks/use-format.js';
import { ErrorAlert } from './error-alert.js';
import { Loading } from './loading.js';
import { ManagerApprovalFields, type Approval } from './manager-approval.js';
import { SummaryList } from './summary-list.js';
import { DialogActions } from './dialog-actions.js';

type Draft = CallOutput<'credit-note-draft'>;

/** "Create credit note" from a payment, as the spec lays it out. */
export function CreditNoteDialog({ paymentId, onClose, onCreated }: { paymentId: string; onClose(): void; onCreated(creditNoteId: string): void }) {
  const draft = useCall('credit-note-draft', { paymentId });
  return (
    <Modal opened onClose={onClose} title="Create credit note" size="lg">
      {draft.status === 'loading' && <Loading what="the payment" />}
      {draft.status === 'error' && <ErrorAlert title="The credit note cannot be started" error={draft.error} onRetry={draft.reload} />}
      {draft.status === 'ok' && <CreditNoteForm draft={draft.value} onClose={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

function CreditNoteForm({ draft, onClose, onCreated }: { draft: Draft; onClose(): void; onCreated(creditNoteId: string): void }) {
  const { money, date } = useFormat();
  const [amount, setAmount] = useState(toDecimalText(cents(draft.maximum)));
  const [reason, setReason] = useState('');
  const [remarks, setRemarks] = useState('');
  const [approval, setApproval] = useState<Approval>({ username: '', pin: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorData | null>(null);
  useEffect(() => setError(null), [amount, reason, remarks, approval]);

  const parsed = parseAmount(amount);
  const value = parsed.ok ? parsed.value : null;
  const amountProblem = value === null ? 'Credit amount must be a number, like 4.50' : value <= 0 ? 'Credit amount must be more than zero' : value > draft.maximum ? `Credit amount cannot be more than ${money(draft.maximum)}` : null;
  const remarksOver = remarks.trim().length > draft.remarksMaxLength;
  const approved = !draft.needsApproval || (approval.username.trim() !== '' && approval.pin !== '');
  const ready = amountProblem === null && reason !== '' && !remarksOver && approved;
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);

  async function create() {
    setBusy(true);
    const result = await call('credit-note-create', {
      paymentId: draft.payment.id,
      amount,
      reason: reason as Draft['reasons'][number]['code'],
      remarks: remarks.trim() || undefined,
      approval: draft.needsApproval ? approval : undefined,
    });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    notifications.show({ color: 'green', title: `Credit note ${result.value.number} created`, message: `${money(result.value.amount)} credit for ${result.value.consumer.name}, until ${date(result.value.expiresOn)}.` });
    onCreated(result.value.id);
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (ready && !busy) void create();
      }}
    >
      <Stack gap="md">
        <SummaryList
          rows={[
            ['Receipt no.', draft.payment.receiptNumber],
            ['Consumer', `${draft.payment.consumerName} (${draft.payment.accountNumber})`],
            ['Payment amount', money(draft.payment.amount)],
            ['Payment date', date(draft.payment.paymentDate)],
            ['Method', draft.payment.methodLabel],
            draft.alreadyCredited > 0 ? ['Already credited', money(draft.alreadyCredited)] : null,
            ['Credit note no.', <Text span ff="monospace" inherit>{draft.nextNumber}</Text>],
          ]}
        />
        <TextInput
          label="Credit amount"
          inputMode="decimal"
          autoComplete="off"
          data-autofocus
          description={`Maximum: ${money(draft.maximum)}`}
          value={amount}
          error={fieldError('amount') ?? (amount !== '' ? (amountProblem ?? undefined) : undefined)}
          onChange={(e) => setAmount(e.currentTarget.value)}
        />
        <NativeSelect
          label="Reason"
          value={reason}
          error={fieldError('reason')}
          data={[{ value: '', label: 'Choose a reason', disabled: true }, ...draft.reasons.map((r) => ({ value: r.code, label: r.label }))]}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Textarea
          label="Remarks"
          autosize
          minRows={2}
          maxRows={5}
          description={<Text span size="xs" c={remarksOver ? 'red' : 'dimmed'}>{remarks.trim().length} / {draft.remarksMaxLength}</Text>}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          value={remarks}
          error={fieldError('remarks') ?? (remarksOver ? `Remarks must be at most ${draft.remarksMaxLength} characters` : undefined)}
          onChange={(e) => setRemarks(e.currentTarget.value)}
        />
        <SummaryList rows={[['Remaining payment value', <Text span fw={700} inherit>{value !== null && amountProblem === null ? money(draft.payment.amount - draft.alreadyCredited - value) : '–'}</Text>]]} />
        {draft.needsApproval && (
          <ManagerApprovalFields value={approval} errors={{ username: fieldError('approval.username'), pin: fieldError('approval.pin') ?? fieldError('approval') }} onChange={setApproval} />
        )}
        {error && !['amount', 'reason', 'remarks', 'approval', 'approval.username', 'approval.pin'].includes(error.field ?? '') && (
          <Text c="red" size="sm" role="alert">
            {error.message}
          </Text>
        )}
        <DialogActions onCancel={onClose} ready={ready} busy={busy}>
          Create
        </DialogActions>
      </Stack>
    </form>
  );
}
