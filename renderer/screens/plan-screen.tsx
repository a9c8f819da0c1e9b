import { Anchor, Button, Grid, Group, Kbd, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import type { PlanView } from '../../core/api/calls/plans.js';
import { MANAGES_PLANS } from '../../core/auth/roles.js';
import { DocumentActions } from '../components/document-actions.js';
import { ErrorAlert } from '../components/error-alert.js';
import { Loading } from '../components/loading.js';
import { CancelPlanDialog } from '../components/plans/cancel-plan-dialog.js';
import { HoldBadge, PlanStatusBadge } from '../components/plans/plan-badges.js';
import { PlanHistory } from '../components/plans/plan-history.js';
import { PlanPayment } from '../components/plans/plan-payment.js';
import { RescheduleDialog } from '../components/plans/reschedule-dialog.js';
import { ScheduleTable } from '../components/plans/schedule-table.js';
import { SummaryList } from '../components/summary-list.js';
import { useCall } from '../hooks/use-call.js';
import { useFormat } from '../hooks/use-format.js';
import { FREQUENCY_LABELS, installmentName, isLive } from '../plans/words.js';
import { go } from '../state/router.js';
import { useSession } from '../state/session.js';
import { useLoadedSettings } from '../state/settings.js';
import { clockTime } from '../sync/words.js';

/** Esc inside a dialog closes the dialog, and only that. */
const fromDialog = (event: KeyboardEvent) => event.target instanceof Element && event.target.closest('[role="dialog"]') !== null;

/**
 * One payment plan: where it stands, its schedule with each installment's
 * standing, the agreement to print, the way to pay the next installment,
 * reschedule and cancel, and its history.
 */
export function PlanScreen({ planId }: { planId: string }) {
  const loaded = useCall('plan-view', { planId });
  // A reschedule or cancel answers with the plan as it now is.
  const [changed, setChanged] = useState<PlanView | null>(null);
  const plan = changed ?? (loaded.status === 'ok' ? loaded.value : null);
  const back = () => go(plan ? { name: 'account', consumerId: plan.consumer.id } : { name: 'dashboard' });
  useHotkeys([['Escape', (event) => !fromDialog(event) && back()]]);

  return (
    <Stack gap="md" maw={1100} mx="auto">
      <Group justify="flex-end">
        <Button variant="subtle" onClick={back} rightSection={<Kbd size="xs">Esc</Kbd>}>
          Back to account
        </Button>
      </Group>
      {!plan && loaded.status === 'loading' && <Loading what="the plan" />}
      {loaded.status === 'error' && <ErrorAlert title="The plan could not be loaded" error={loaded.error} onRetry={loaded.reload} />}
      {plan && <PlanDetails plan={plan} onChanged={setChanged} />}
    </Stack>
  );
}

type Dialog = 'reschedule' | 'cancel' | null;

function PlanDetails({ plan, onChanged }: { plan: PlanView; onChanged(plan: PlanView): void }) {
  const { money, date } = useFormat();
  const { dateFormat } = useLoadedSettings();
  const managesPlans = useSession((s) => s.user !== null && MANAGES_PLANS.includes(s.user.role));
  const [dialog, setDialog] = useState<Dialog>(null);
  const next = plan.nextDue ? plan.installments.find((i) => i.number === plan.nextDue?.number) : undefined;
  const done = (changed: PlanView) => {
    setDialog(null);
    onChanged(changed);
  };

  return (
    <>
      <Paper withBorder p="lg" component="section" aria-labelledby="plan-title">
        <Stack gap="md">
          <Group gap="sm">
            <Title order={1} size="h3" id="plan-title">
              Plan {plan.number}
            </Title>
            <PlanStatusBadge status={plan.status} size="lg" />
            {plan.hold.active && <HoldBadge size="lg" />}
          </Group>
          <Grid gap="xl">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <SummaryList
                rows={[
                  [
                    'Consumer',
                    <Anchor component="button" type="button" inherit onClick={() => go({ name: 'account', consumerId: plan.consumer.id })}>
                      {plan.consumer.name} · {plan.consumer.accountNumber}
                    </Anchor>,
                  ],
                  ['Frequency', FREQUENCY_LABELS[plan.frequency]],
                  ['Made', `${clockTime(plan.createdAt, dateFormat, new Date())} by ${plan.createdBy}`],
                  plan.approvedBy ? ['Approved by', plan.approvedBy] : null,
                  plan.hold.active && plan.hold.since ? ['Held from disconnection since', clockTime(plan.hold.since, dateFormat, new Date())] : null,
                  plan.version > 1 ? ['Version', String(plan.version)] : null,
                ]}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <SummaryList
                rows={[
                  ['Total', money(plan.total)],
                  plan.downPayment > 0 ? ['Down payment', money(plan.downPayment)] : null,
                  ['Paid', money(plan.paid)],
                  ['Open', <Text span inherit fw={700}>{money(plan.open)}</Text>],
                  ['Next due', next ? `${installmentName(next)}, ${date(next.dueOn)}, ${money(next.open)}` : '—'],
                ]}
              />
            </Grid.Col>
          </Grid>
          <PlanPayment plan={plan} />
          {managesPlans && isLive(plan.status) && (
            <Group>
              <Button variant="default" onClick={() => setDialog('reschedule')}>
                Reschedule
              </Button>
              <Button variant="light" color="red" onClick={() => setDialog('cancel')}>
                Cancel plan
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
      <Paper withBorder p="lg" component="section" aria-labelledby="plan-agreement-title">
        <Title order={2} size="h4" id="plan-agreement-title" mb="sm">
          Agreement
        </Title>
        <Text size="sm" mb="sm">
          The terms and the schedule, with the customer's name and account and a line to sign.
        </Text>
        <DocumentActions key={plan.version} document="plan_agreement" id={plan.id} printedBefore={false} />
      </Paper>
      <Paper withBorder p="lg">
        <Tabs defaultValue="schedule">
          <Tabs.List>
            <Tabs.Tab value="schedule">Schedule</Tabs.Tab>
            <Tabs.Tab value="history">History</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="schedule" pt="md">
            <ScheduleTable installments={plan.installments} caption={`Version ${plan.version}`} withTotal />
          </Tabs.Panel>
          <Tabs.Panel value="history" pt="md">
            <PlanHistory plan={plan} />
          </Tabs.Panel>
        </Tabs>
      </Paper>
      {dialog === 'reschedule' && <RescheduleDialog plan={plan} onClose={() => setDialog(null)} onDone={done} />}
      {dialog === 'cancel' && <CancelPlanDialog plan={plan} onClose={() => setDialog(null)} onDone={done} />}
    </>
  );
}
