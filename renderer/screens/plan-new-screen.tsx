import { Alert, Button, Grid, Group, Kbd, Paper, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMemo, useState, type FormEvent } from 'react';
import { v7 as uuidv7 } from 'uuid';
import type { ApiErrorData } from '../../core/api/errors.js';
import { APPROVES } from '../../core/auth/roles.js';
import { add, cents } from '../../core/money.js';
import { call } from '../api/client.js';
import { ErrorAlert } from '../components/error-alert.js';
import { Loading } from '../components/loading.js';
import type { Approval } from '../components/manager-approval.js';
import { CoversTable } from '../components/plans/covers-table.js';
import { PlanPreviewPanel } from '../components/plans/plan-preview-panel.js';
import { PlanTermsFields } from '../components/plans/plan-terms-fields.js';
import { usePlanPreview } from '../components/plans/use-plan-preview.js';
import { useCall } from '../hooks/use-call.js';
import { useFormat } from '../hooks/use-format.js';
import { today, type Account } from '../payments/draft.js';
import { isCoverable, newTermsDraft, termsField, termsInput, type PlanTermsDraft } from '../plans/terms.js';
import { go } from '../state/router.js';
import { useSession } from '../state/session.js';

/**
 * A new payment plan, made with the customer in front of the recovery
 * executive: the arrears it covers, the down payment, the installments and
 * when they fall due, with the exact schedule worked out by the backend as
 * the terms are typed.
 */
export function PlanNewScreen({ consumerId }: { consumerId: string }) {
  const account = useCall('consumer-account', { consumerId });
  const back = () => go({ name: 'account', consumerId });
  useHotkeys([['Escape', back]], []);

  return (
    <Stack gap="md" maw={1200} mx="auto">
      <Group justify="space-between">
        <Title order={1} size="h3">
          New payment plan
        </Title>
        <Button variant="subtle" onClick={back} rightSection={<Kbd size="xs">Esc</Kbd>}>
          Back to account
        </Button>
      </Group>
      {account.status === 'loading' && <Loading what="the account" />}
      {account.status === 'error' && <ErrorAlert title="The account could not be loaded" error={account.error} onRetry={account.reload} />}
      {account.status === 'ok' && <PlanForm account={account.value} />}
    </Stack>
  );
}

function PlanForm({ account }: { account: Account }) {
  const { money } = useFormat();
  const [day] = useState(today);
  const items = useMemo(() => [...account.bills, ...account.services].filter(isCoverable), [account]);
  const [draft, setDraft] = useState<PlanTermsDraft>(() => newTermsDraft(items, day));
  const [approval, setApproval] = useState<Approval>({ username: '', pin: '' });
  const [refusal, setRefusal] = useState<ApiErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  // Once the backend has asked for a manager's approval the fields stay, whatever the preview last said.
  const [approvalAsked, setApprovalAsked] = useState(false);

  const input = termsInput(account.consumer.id, items, draft);
  const preview = usePlanPreview(input);
  // The same terms are the same plan: a second Create after a lost answer makes one plan, changed terms a new one.
  const key = JSON.stringify(input);
  const id = useMemo(() => uuidv7(), [key]);

  // Create's refusal is shown until the terms change; meanwhile the preview's own objection shows as the terms are typed.
  const shown = refusal ?? (preview.answer && !preview.answer.ok ? preview.answer.error : null);
  const fieldError = (field: keyof PlanTermsDraft) => (shown && termsField(shown.field) === field ? shown.message : undefined);
  const approvalField = (field: string) => (refusal?.field === field ? refusal.message : undefined);
  // A branch manager making the plan approves it themselves.
  const approves = useSession((s) => s.user !== null && APPROVES.includes(s.user.role));
  const needsApproval = (preview.answer?.ok === true && preview.answer.value.needsApproval && !approves) || approvalAsked;
  const otherError = shown && termsField(shown.field) === 'other' && !shown.field?.startsWith('approval') ? shown : null;

  const change = (patch: Partial<PlanTermsDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setRefusal(null);
  };
  const toggle = (itemId: string) => change({ coverIds: draft.coverIds.includes(itemId) ? draft.coverIds.filter((i) => i !== itemId) : [...draft.coverIds, itemId] });
  const chosenTotal = add(cents(0), ...items.filter((i) => draft.coverIds.includes(i.id)).map((i) => cents(i.open)));

  async function create(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setRefusal(null);
    const result = await call('plan-create', { ...input, id, ...(needsApproval ? { approval } : {}) });
    setBusy(false);
    if (!result.ok) {
      if (result.error.field?.startsWith('approval')) setApprovalAsked(true);
      return setRefusal(result.error);
    }
    notifications.show({ color: 'green', message: `Plan ${result.value.number} made for ${result.value.consumer.name}.` });
    go({ name: 'plan', planId: result.value.id });
  }

  return (
    <form onSubmit={(e) => void create(e)} noValidate aria-label="New payment plan">
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Paper withBorder p="lg">
              <Text fw={700}>{account.consumer.name}</Text>
              <Text size="sm" ff="monospace">
                {account.consumer.accountNumber}
              </Text>
            </Paper>
            <Paper withBorder p="lg" component="section" aria-labelledby="plan-covers-title">
              <Group justify="space-between" mb="sm">
                <Title order={2} size="h4" id="plan-covers-title">
                  Arrears to cover
                </Title>
                <Text size="sm">
                  Chosen: <b>{money(chosenTotal)}</b>
                </Text>
              </Group>
              <CoversTable items={items} chosen={draft.coverIds} error={fieldError('coverIds')} onToggle={toggle} />
            </Paper>
            <Paper withBorder p="lg" component="section" aria-labelledby="plan-terms-title">
              <Title order={2} size="h4" id="plan-terms-title" mb="sm">
                Terms
              </Title>
              <PlanTermsFields
                draft={draft}
                today={day}
                errors={{ downPayment: fieldError('downPayment'), installments: fieldError('installments'), frequency: fieldError('frequency'), firstDueOn: fieldError('firstDueOn') }}
                onChange={change}
              />
            </Paper>
            {otherError && (
              <Alert color="red" role="alert">
                {otherError.message}
              </Alert>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <PlanPreviewPanel
            preview={preview}
            busy={busy}
            approval={{
              needed: needsApproval,
              value: approval,
              errors: { username: approvalField('approval.username'), pin: approvalField('approval.pin') ?? approvalField('approval') },
              onChange: (next) => {
                setApproval(next);
                setRefusal(null);
              },
            }}
          />
        </Grid.Col>
      </Grid>
    </form>
  );
}
