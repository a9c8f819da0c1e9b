import { Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { memo, type ReactNode } from 'react';
import type { WorkspaceKpis } from '../../../core/api/calls/workspace.js';
import { previousMonth } from '../../../core/workspace/period.js';
import { useCall } from '../../hooks/use-call.js';
import { useFormat } from '../../hooks/use-format.js';
import { oneDecimal, trendOf } from '../../workspace/kpi.js';
import { countText } from '../../workspace/paging.js';
import { ErrorAlert } from '../error-alert.js';
import { Loading } from '../loading.js';

const TONE_COLORS = { good: 'green', bad: 'red', neutral: 'dimmed' } as const;
const ARROWS = { up: '▲', down: '▼', flat: '▬' } as const;
const MONTH_NAME = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthName = (month: string) => MONTH_NAME.format(new Date(`${month}-01T00:00:00Z`));

/**
 * The month's four figures, each against the period before: Total Collected,
 * Received Today, Collection Rate and Average Collection Time.
 */
export const KpiHeader = memo(function KpiHeader({ month, currentMonth, onMonthChange }: { month: string; currentMonth: string; onMonthChange(month: string): void }) {
  const kpis = useCall('workspace-kpis', month ? { month } : {});
  const shown = month || currentMonth;

  return (
    <Stack gap="sm" component="section" aria-labelledby="kpi-title">
      <Group justify="space-between" align="flex-end">
        <Text id="kpi-title" fw={600}>
          {monthName(shown)}
        </Text>
        <TextInput type="month" label="Month" size="xs" w={170} value={shown} max={currentMonth} onChange={(e) => e.currentTarget.value && onMonthChange(e.currentTarget.value === currentMonth ? '' : e.currentTarget.value)} />
      </Group>
      {kpis.status === 'loading' && <Loading what="the key figures" />}
      {kpis.status === 'error' && <ErrorAlert title="The key figures could not be worked out" error={kpis.error} onRetry={kpis.reload} />}
      {kpis.status === 'ok' && <Figures kpis={kpis.value} />}
    </Stack>
  );
});

function Figures({ kpis }: { kpis: WorkspaceKpis }) {
  const { money } = useFormat();
  const previous = monthName(previousMonth(kpis.month));
  const { totalCollected, receivedToday, collectionRate, averageCollectionDays } = kpis;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }}>
      <Figure title="Total Collected" value={money(totalCollected.value ?? 0)} change={totalCollected.changePercent} against={previous} />
      <Figure
        title="Received Today"
        value={money(receivedToday.value ?? 0)}
        detail={`${countText(receivedToday.count)} ${receivedToday.count === 1 ? 'payment' : 'payments'}`}
        change={receivedToday.changePercent}
        against="yesterday"
      />
      <Figure title="Collection Rate" value={collectionRate.value === null ? 'Nothing fell due' : `${oneDecimal(collectionRate.value)}%`} change={collectionRate.changePercent} against={previous} />
      <Figure
        title="Average Collection Time"
        value={averageCollectionDays.value === null ? 'No payments' : `${oneDecimal(averageCollectionDays.value)} days`}
        change={averageCollectionDays.changePercent}
        against={previous}
        lowerIsBetter
      />
    </SimpleGrid>
  );
}

function Figure({ title, value, detail, change, against, lowerIsBetter = false }: { title: string; value: string; detail?: ReactNode; change: number | null; against: string; lowerIsBetter?: boolean }) {
  const trend = trendOf(change, { lowerIsBetter });
  return (
    <Paper withBorder p="md" role="group" aria-label={title}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {title}
      </Text>
      <Text fw={700} size="xl" ff="monospace">
        {value}
      </Text>
      {detail && (
        <Text size="sm" c="dimmed">
          {detail}
        </Text>
      )}
      <Text size="xs" c={trend ? TONE_COLORS[trend.tone] : 'dimmed'} mt={4}>
        {trend ? (
          <>
            <span aria-hidden>{ARROWS[trend.direction]}</span> {trend.text} vs {against}
          </>
        ) : (
          `No figure for ${against} to compare`
        )}
      </Text>
    </Paper>
  );
}
