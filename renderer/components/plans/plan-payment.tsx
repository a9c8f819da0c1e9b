import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import type { PlanView } from '../../../core/api/calls/plans.js';
import type { ApiErrorData } from '../../../core/api/errors.js';
import { TAKES_PAYMENTS } from '../../../core/auth/roles.js';
import { call } from '../../api/client.js';
import { useFormat } from '../../hooks/use-format.js';
import { newDraft, today, withItems, withType } from '../../payments/draft.js';
import { installmentName } from '../../plans/words.js';
import { usePaymentDraft } from '../../state/payment-draft.js';
import { go } from '../../state/router.js';
import { useSession } from '../../state/session.js';
import { useLoadedSettings } from '../../state/settings.js';

/**
 * The next installment to pay, and for those who take money the way to the
 * payment form with that installment already chosen: the down payment at
 * once, or the next installment when the customer comes back.
 */
export function PlanPayment({ plan }: { plan: PlanView }) {
  const { money, date } = useFormat();
  const settings = useLoadedSettings();
  const takesPayments = useSession((s) => s.user !== null && TAKES_PAYMENTS.includes(s.user.role));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorData | null>(null);
  const next = plan.nextDue ? plan.installments.find((i) => i.number === plan.nextDue?.number) : undefined;
  if (!next || plan.status === 'cancelled' || plan.status === 'completed') return null;
  const what = `${installmentName(next)}: ${money(next.open)} due ${date(next.dueOn)}`;

  async function pay(installmentId: string) {
    setBusy(true);
    setError(null);
    const account = await call('consumer-account', { consumerId: plan.consumer.id });
    setBusy(false);
    if (!account.ok) return setError(account.error);
    const draft = withType(newDraft(account.value, settings, today()), account.value, 'installment');
    usePaymentDraft.getState().start(withItems(draft, account.value, [installmentId]));
    go({ name: 'payment', consumerId: plan.consumer.id });
  }

  if (!takesPayments) {
    return (
      <Text size="sm">
        Next: {what}. A cashier takes it at the till.
      </Text>
    );
  }
  return (
    <Group gap="sm">
      <Button loading={busy} onClick={() => void pay(next.id)}>
        {next.isDownPayment ? 'Take down payment' : 'Pay next installment'}
      </Button>
      <Text size="sm">{what}</Text>
      {error && (
        <Alert color="red" role="alert">
          {error.message}
        </Alert>
      )}
    </Group>
  );
}
