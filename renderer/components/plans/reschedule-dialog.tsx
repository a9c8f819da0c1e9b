import { Alert, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { PlanView } from '../../../core/api/calls/plans.js';
import type { ApiErrorData } from '../../../core/api/errors.js';
import { addMonths } from '../../../core/dates/calendar.js';
import { PLAN_FREQUENCIES, type PlanFrequency } from '../../../core/plans/plan.js';
import { call } from '../../api/client.js';
import { useFormat } from '../../hooks/use-format.js';
import { today } from '../../payments/draft.js';
import { rescheduleNeedsApproval } from '../../plans/approval.js';
import { FREQUENCY_LABELS } from '../../plans/words.js';
import { useSession } from '../../state/session.js';
import { useLoadedSettings } from '../../state/settings.js';
import { DialogActions } from '../dialog-actions.js';
import { ManagerApprovalFields, type Approval } from '../manager-approval.js';
import { ChoiceField } from '../payment/choice-field.js';

const FIELDS = ['installments', 'frequency', 'firstDueOn', 'reason', 'approval', 'approval.username', 'approval.pin'];

/** A new schedule for what is still open on the plan; the old one is kept in its history. */
export function RescheduleDialog({ plan, onClose, onDone }: { plan: PlanView; onClose(): void; onDone(plan: PlanView): void }) {
  const { money } = useFormat();
  const { plans: rules } = useLoadedSettings();
  const role = useSession((s) => s.user?.role);
  const [day] = useState(today);
  const [installments, setInstallments] = useState(() => String(Math.max(1, plan.installments.filter((i) => i.open > 0).length)));
  const [frequency, setFrequency] = useState<PlanFrequency>(plan.frequency);
  const [firstDueOn, setFirstDueOn] = useState(() => addMonths(day, 1));
  const [reason, setReason] = useState('');
  const [approval, setApproval] = useState<Approval>({ username: '', pin: '' });
  const [asked, setAsked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorData | null>(null);
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);

  const count = /^\d+$/.test(installments.trim()) ? Number(installments.trim()) : Number.NaN;
  const needsApproval = asked || (role !== undefined && rescheduleNeedsApproval(role, plan.open, count, rules));
  const ready = installments.trim() !== '' && firstDueOn !== '' && reason.trim() !== '' && (!needsApproval || (approval.username.trim() !== '' && approval.pin !== ''));

  async function reschedule() {
    setBusy(true);
    setError(null);
    const result = await call('plan-reschedule', { planId: plan.id, installments: count, frequency, firstDueOn, reason, ...(needsApproval ? { approval } : {}) });
    setBusy(false);
    if (!result.ok) {
      if (result.error.field?.startsWith('approval')) setAsked(true);
      return setError(result.error);
    }
    notifications.show({ color: 'green', message: `${result.value.number} rescheduled: version ${result.value.version}.` });
    onDone(result.value);
  }

  return (
    <Modal opened onClose={onClose} title={`Reschedule ${plan.number}`} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ready && !busy) void reschedule();
        }}
      >
        <Stack gap="md">
          <Text size="sm">What is still open, {money(plan.open)}, is spread over a new schedule. Paid installments stay as they are.</Text>
          <TextInput label="Number of installments" inputMode="numeric" autoComplete="off" data-autofocus value={installments} error={fieldError('installments')} onChange={(e) => setInstallments(e.currentTarget.value)} />
          <ChoiceField<PlanFrequency> label="Frequency" value={frequency} data={PLAN_FREQUENCIES.map((f) => ({ value: f, label: FREQUENCY_LABELS[f] }))} error={fieldError('frequency')} onChange={setFrequency} />
          <TextInput type="date" label="First due date" min={day} w={220} value={firstDueOn} error={fieldError('firstDueOn')} onChange={(e) => setFirstDueOn(e.currentTarget.value)} />
          <Textarea label="Reason" description="Why the schedule changes; it is kept in the plan's history" autosize minRows={2} maxLength={500} value={reason} error={fieldError('reason')} onChange={(e) => setReason(e.currentTarget.value)} />
          {needsApproval && (
            <Stack gap="xs">
              <Text size="sm">This reschedule needs a branch manager's approval.</Text>
              <ManagerApprovalFields value={approval} errors={{ username: fieldError('approval.username'), pin: fieldError('approval.pin') ?? fieldError('approval') }} onChange={setApproval} />
            </Stack>
          )}
          {error && !FIELDS.includes(error.field ?? '') && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          <DialogActions onCancel={onClose} ready={ready} busy={busy}>
            Reschedule
          </DialogActions>
        </Stack>
      </form>
    </Modal>
  );
}
