import { Button, Group, Kbd, Paper, Stack, Tabs, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { ConsumerDetails } from '../components/consumer-details.js';
import { ErrorAlert } from '../components/error-alert.js';
import { Loading } from '../components/loading.js';
import { PayableItemsTable } from '../components/payable-items-table.js';
import { AccountPlans } from '../components/plans/account-plans.js';
import { RecentPaymentsTable } from '../components/recent-payments.js';
import { useCall } from '../hooks/use-call.js';
import { go } from '../state/router.js';
import { usePaymentDraft } from '../state/payment-draft.js';

export function AccountScreen({ consumerId }: { consumerId: string }) {
  const account = useCall('consumer-account', { consumerId });
  const back = () => go({ name: 'dashboard' });
  useHotkeys([['Escape', back]], []);

  const recordPayment = () => {
    usePaymentDraft.getState().clear();
    go({ name: 'payment', consumerId });
  };

  return (
    <Stack gap="md" maw={1100} mx="auto">
      <Group justify="space-between">
        <Button variant="subtle" onClick={back} rightSection={<Kbd size="xs">Esc</Kbd>}>
          Back to dashboard
        </Button>
      </Group>
      {account.status === 'loading' && <Loading what="the account" />}
      {account.status === 'error' && <ErrorAlert title="The account could not be loaded" error={account.error} onRetry={account.reload} />}
      {account.status === 'ok' && (
        <>
          <Paper withBorder p="lg">
            <Stack gap="md">
              <ConsumerDetails account={account.value} />
              <Group>
                <Button size="md" autoFocus onClick={recordPayment}>
                  Record payment
                </Button>
                <Text size="sm" c="dimmed">
                  Enter opens the payment form.
                </Text>
              </Group>
            </Stack>
          </Paper>
          <AccountPlans consumerId={consumerId} />
          <Paper withBorder p="lg">
            <Tabs defaultValue="bills">
              <Tabs.List>
                <Tabs.Tab value="bills">Unpaid bills ({account.value.bills.length})</Tabs.Tab>
                <Tabs.Tab value="services">Unpaid services ({account.value.services.length})</Tabs.Tab>
                <Tabs.Tab value="installments">Installments due ({account.value.installments.length})</Tabs.Tab>
                <Tabs.Tab value="payments">Payments</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="bills" pt="md">
                <PayableItemsTable items={account.value.bills} empty="No unpaid bills." />
              </Tabs.Panel>
              <Tabs.Panel value="services" pt="md">
                <PayableItemsTable items={account.value.services} empty="No unpaid service charges." />
              </Tabs.Panel>
              <Tabs.Panel value="installments" pt="md">
                <PayableItemsTable items={account.value.installments} empty="No unpaid installments." />
              </Tabs.Panel>
              <Tabs.Panel value="payments" pt="md">
                <RecentPaymentsTable payments={account.value.recentPayments} showConsumer={false} onOpen={(paymentId) => go({ name: 'receipt', paymentId })} />
              </Tabs.Panel>
            </Tabs>
          </Paper>
        </>
      )}
    </Stack>
  );
}
