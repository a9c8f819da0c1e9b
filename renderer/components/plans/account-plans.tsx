import { Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { MANAGES_PLANS } from '../../../core/auth/roles.js';
import { useCall } from '../../hooks/use-call.js';
import { useFormat } from '../../hooks/use-format.js';
import { installmentName } from '../../plans/words.js';
import { go } from '../../state/router.js';
import { useSession } from '../../state/session.js';
import { ErrorAlert } from '../error-alert.js';
import { Loading } from '../loading.js';
import { HoldBadge, PlanStatusBadge } from './plan-badges.js';
import { PlanNumberLink } from './plan-number-link.js';

/** The account's payment plans, newest first, each with where it stands and whether it holds the account from disconnection. */
export function AccountPlans({ consumerId }: { consumerId: string }) {
  const plans = useCall('plans-of-consumer', { consumerId });
  const role = useSession((s) => s.user?.role);
  const { money, date } = useFormat();
  const makesPlans = role !== undefined && MANAGES_PLANS.includes(role);

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="account-plans-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="account-plans-title">
          Payment plans
        </Title>
        {makesPlans && (
          <Button variant="light" onClick={() => go({ name: 'plan-new', consumerId })}>
            New payment plan
          </Button>
        )}
      </Group>
      {plans.status === 'loading' && <Loading what="the payment plans" />}
      {plans.status === 'error' && <ErrorAlert title="The payment plans could not be loaded" error={plans.error} onRetry={plans.reload} />}
      {plans.status === 'ok' && plans.value.length === 0 && <Text c="dimmed">No payment plans.</Text>}
      {plans.status === 'ok' && plans.value.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Plan</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th ta="right">Total</Table.Th>
                <Table.Th ta="right">Open</Table.Th>
                <Table.Th>Next due</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plans.value.map((plan) => (
                <Table.Tr key={plan.id}>
                  <Table.Td>
                    <PlanNumberLink planId={plan.id} number={plan.number} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      <PlanStatusBadge status={plan.status} />
                      {plan.hold.active && <HoldBadge />}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {money(plan.total)}
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace" fw={600}>
                    {money(plan.open)}
                  </Table.Td>
                  <Table.Td>{plan.nextDue ? `${installmentName(plan.installments.find((i) => i.number === plan.nextDue?.number) ?? plan.nextDue)}, ${date(plan.nextDue.dueOn)}` : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
