import { Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Account } from '../payments/draft.js';
import { useFormat } from '../hooks/use-format.js';
import { ConsumerStatusBadge } from './status-badges.js';

/** Who the account belongs to and what it owes, as the ledger says now. */
export function ConsumerDetails({ account }: { account: Account }) {
  const { money } = useFormat();
  const { consumer } = account;
  const fields: Array<[string, string]> = [
    ['Account number', consumer.accountNumber],
    ['Service address', consumer.serviceAddress],
    ['Phone', consumer.phone],
    ['Email', consumer.email],
    ['Type', consumer.type],
  ];

  return (
    <Group justify="space-between" align="flex-start" wrap="wrap" gap="lg">
      <Stack gap="xs">
        <Group gap="sm">
          <Title order={1} size="h2">
            {consumer.name}
          </Title>
          <ConsumerStatusBadge status={consumer.status} />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xl" verticalSpacing={4} component="dl" m={0}>
          {fields.map(([label, value]) => (
            <div key={label}>
              <Text component="dt" size="xs" c="dimmed">
                {label}
              </Text>
              <Text component="dd" m={0} ff={label === 'Account number' ? 'monospace' : undefined}>
                {value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      </Stack>
      <Stack gap={0} align="flex-end">
        <Text size="sm" c="dimmed">
          Current balance
        </Text>
        <Text size="xl" fw={700} ff="monospace" data-testid="current-balance">
          {money(account.balance)}
        </Text>
      </Stack>
    </Group>
  );
}
