import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { CallOutput } from '../../core/api/contract.js';
import { ErrorAlert } from '../components/error-alert.js';
import { Loading } from '../components/loading.js';
import { PlanStatusBadge } from '../components/plans/plan-badges.js';
import { useCall } from '../hooks/use-call.js';
import { useFormat } from '../hooks/use-format.js';
import { today } from '../payments/draft.js';
import { downloadCsv } from '../download.js';
import { collectionCsv, collectionFileName } from '../plans/exports.js';
import { monthOf } from '../plans/period.js';
import { PlanNumberLink } from '../components/plans/plan-number-link.js';

type Report = CallOutput<'plan-collection-report'>;

/** Plans made, active, completed and broken in a period, what fell due against what was paid, and each plan's part. */
export function CollectionReportScreen() {
  const [period, setPeriod] = useState(() => monthOf(today()));
  const report = useCall('plan-collection-report', period);
  const error = report.status === 'error' ? report.error : null;
  const fieldError = (field: 'from' | 'to') => (error?.field === field ? error.message : undefined);

  return (
    <Stack gap="md" maw={1100} mx="auto">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h3">
          Collection report
        </Title>
        <Button variant="default" disabled={report.status !== 'ok'} onClick={() => report.status === 'ok' && downloadCsv(collectionCsv(report.value), collectionFileName(report.value))}>
          Export CSV
        </Button>
      </Group>
      <Paper withBorder p="lg" component="section" aria-label="Period">
        <Group align="flex-start">
          <TextInput type="date" label="From" w={200} value={period.from} error={fieldError('from')} onChange={(e) => setPeriod({ ...period, from: e.currentTarget.value })} />
          <TextInput type="date" label="To" w={200} value={period.to} error={fieldError('to')} onChange={(e) => setPeriod({ ...period, to: e.currentTarget.value })} />
          <Button variant="subtle" mt={24} onClick={() => setPeriod(monthOf(today()))}>
            This month
          </Button>
        </Group>
      </Paper>
      {report.status === 'loading' && <Loading what="the collection report" />}
      {error && !fieldError('from') && !fieldError('to') && <ErrorAlert title="The collection report could not be made" error={error} onRetry={report.reload} />}
      {report.status === 'ok' && <ReportBody report={report.value} />}
    </Stack>
  );
}

function ReportBody({ report }: { report: Report }) {
  const { money, date } = useFormat();
  const figures: Array<[string, string]> = [
    ['Plans made', String(report.created)],
    ['Active', String(report.active)],
    ['Completed', String(report.completed)],
    ['Broken', String(report.broken)],
    ['Cancelled', String(report.cancelled)],
    ['Scheduled', money(report.scheduled)],
    ['Collected', money(report.collected)],
    ['Compliance rate', report.complianceRate === null ? 'Nothing fell due' : `${report.complianceRate.toFixed(1)}%`],
  ];

  return (
    <>
      <Paper withBorder p="lg" component="section" aria-label="Figures">
        <SimpleGrid cols={{ base: 2, sm: 4 }} component="dl" m={0}>
          {figures.map(([label, value]) => (
            <div key={label}>
              <Text component="dt" size="xs" c="dimmed">
                {label}
              </Text>
              <Text component="dd" m={0} fw={700} size="lg" ff={label === 'Scheduled' || label === 'Collected' ? 'monospace' : undefined}>
                {value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt="sm">
          Scheduled is what fell due from {date(report.from)} to {date(report.to)}; collected is what was paid on it. The compliance rate counts installments paid in full by their due date plus grace.
        </Text>
      </Paper>
      <Paper withBorder p="lg" component="section" aria-labelledby="report-plans-title">
        <Title order={2} size="h4" id="report-plans-title" mb="sm">
          Plans
        </Title>
        {report.plans.length === 0 ? (
          <Text c="dimmed">No plans in this period.</Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Plan</Table.Th>
                  <Table.Th>Consumer</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Made</Table.Th>
                  <Table.Th ta="right">Scheduled</Table.Th>
                  <Table.Th ta="right">Collected</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.plans.map((plan) => (
                  <Table.Tr key={plan.id}>
                    <Table.Td>
                      <PlanNumberLink planId={plan.id} number={plan.number} />
                    </Table.Td>
                    <Table.Td>
                      {plan.consumerName}{' '}
                      <Text span c="dimmed" size="sm" ff="monospace">
                        {plan.accountNumber}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <PlanStatusBadge status={plan.status} />
                    </Table.Td>
                    <Table.Td>{date(plan.createdAt)}</Table.Td>
                    <Table.Td ta="right" ff="monospace">
                      {money(plan.scheduled)}
                    </Table.Td>
                    <Table.Td ta="right" ff="monospace">
                      {money(plan.collected)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </>
  );
}
