import { Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { PlanView } from '../../../core/api/calls/plans.js';
import { useLoadedSettings } from '../../state/settings.js';
import { clockTime } from '../../sync/words.js';
import { EVENT_LABELS, VERSION_LABELS } from '../../plans/words.js';
import { ScheduleTable } from './schedule-table.js';

/** Every version of the plan with the schedule it set, why and who approved it; then everything that happened to the plan. */
export function PlanHistory({ plan }: { plan: PlanView }) {
  const { dateFormat } = useLoadedSettings();
  const when = (iso: string) => clockTime(iso, dateFormat, new Date());

  return (
    <Stack gap="lg">
      <Stack gap="md" component="section" aria-labelledby="plan-versions-title">
        <Title order={3} size="h5" id="plan-versions-title">
          Versions
        </Title>
        {plan.history.map((version) => (
          <Stack key={`${version.version}-${version.action}`} gap={6} component="article" aria-label={`Version ${version.version}, ${VERSION_LABELS[version.action].toLowerCase()}`}>
            <Group gap="xs">
              <Badge variant="light" color={version.action === 'cancelled' ? 'gray' : 'blue'}>
                Version {version.version} · {VERSION_LABELS[version.action]}
              </Badge>
              <Text size="sm">
                {when(version.at)} by {version.by}
                {version.approvedBy && `, approved by ${version.approvedBy}`}
              </Text>
            </Group>
            {version.reason && <Text size="sm">Reason: {version.reason}</Text>}
            {version.installments.length > 0 && <ScheduleTable installments={version.installments} caption={`Schedule of version ${version.version}`} />}
          </Stack>
        ))}
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="plan-events-title">
        <Title order={3} size="h5" id="plan-events-title">
          Events
        </Title>
        {plan.events.length === 0 ? (
          <Text c="dimmed">Nothing yet.</Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>What</Table.Th>
                <Table.Th>Detail</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.events.map((event, n) => (
                <Table.Tr key={n}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(event.at)}</Table.Td>
                  <Table.Td>{EVENT_LABELS[event.kind]}</Table.Td>
                  <Table.Td>{event.text}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Stack>
  );
}
