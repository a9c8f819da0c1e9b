import { Paper, Stack, Title } from '@mantine/core';
import { ConsumerSearch } from '../components/consumer-search.js';
import { ErrorAlert } from '../components/error-alert.js';
import { Loading } from '../components/loading.js';
import { RecentPaymentsTable } from '../components/recent-payments.js';
import { useCall } from '../hooks/use-call.js';
import { go } from '../state/router.js';

export function DashboardScreen() {
  const recent = useCall('payment-list-recent', { limit: 10 });

  return (
    <Stack gap="lg" maw={1100} mx="auto">
      <Paper withBorder p="lg">
        <ConsumerSearch onOpen={(consumerId) => go({ name: 'account', consumerId })} />
      </Paper>
      <Paper withBorder p="lg" component="section" aria-labelledby="recent-payments-title">
        <Title order={2} size="h4" id="recent-payments-title" mb="sm">
          Recent payments
        </Title>
        {recent.status === 'loading' && <Loading what="recent payments" />}
        {recent.status === 'error' && <ErrorAlert title="Recent payments could not be loaded" error={recent.error} onRetry={recent.reload} />}
        {recent.status === 'ok' && <RecentPaymentsTable payments={recent.value} onOpen={(paymentId) => go({ name: 'receipt', paymentId })} />}
      </Paper>
    </Stack>
  );
}
