import { BarChart, DonutChart } from '@mantine/charts';
import { Grid, Group, Paper, Text } from '@mantine/core';
import { memo } from 'react';
import { useCall } from '../../hooks/use-call.js';
import { useFormat } from '../../hooks/use-format.js';
import { channelSlices, dailyBars, shortAmount } from '../../workspace/chart-data.js';
import { ErrorAlert } from '../error-alert.js';
import { Loading } from '../loading.js';

export interface ChartPick {
  date: string;
  method?: string;
  channel?: string;
}

/**
 * The month's collections a day at a time, stacked by method, and the month
 * by channel. A click filters the payments below: a day (the bar's column),
 * a day and a method (a part of a bar), or a channel (a slice). Drawing it
 * is the dearest part of the screen, so it is drawn again when its month
 * changes, not with every filter.
 */
export const CollectionsCharts = memo(function CollectionsCharts({ month, onPick }: { month: string; onPick(pick: Partial<ChartPick>): void }) {
  const chart = useCall('workspace-chart', month ? { month } : {});
  const { money } = useFormat();

  if (chart.status === 'loading') return <Loading what="the collections charts" />;
  if (chart.status === 'error') return <ErrorAlert title="The collections charts could not be drawn" error={chart.error} onRetry={chart.reload} />;
  const { data, series } = dailyBars(chart.value);
  const slices = channelSlices(chart.value);
  const dateAt = (index: unknown) => data[Number(index)]?.date;

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Paper withBorder p="md" component="figure" m={0} aria-label="Collections per day by method">
          <Text size="sm" fw={600} mb="xs" component="figcaption">
            Collections per day, by method
          </Text>
          <BarChart
            h={220}
            data={data}
            dataKey="day"
            type="stacked"
            series={series}
            withLegend
            valueFormatter={money}
            // Every day labelled: recharts then skips measuring each label to find which fit, which costs more than the chart.
            xAxisProps={{ interval: 0 }}
            yAxisProps={{ tickFormatter: shortAmount, width: 48 }}
            barChartProps={{
              onClick: (state) => {
                const date = dateAt(state.activeIndex);
                if (date) onPick({ date });
              },
            }}
            barProps={(s) => ({
              cursor: 'pointer',
              isAnimationActive: false,
              onClick: (bar) => {
                const date = (bar.payload as { date?: string } | undefined)?.date;
                if (date) onPick({ date, method: s.name });
              },
            })}
          />
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Paper withBorder p="md" component="figure" m={0} h="100%" aria-label="Collections by channel">
          <Text size="sm" fw={600} mb="xs" component="figcaption">
            By channel
          </Text>
          {slices.length === 0 ? (
            <Text size="sm" c="dimmed">
              Nothing collected this month yet.
            </Text>
          ) : (
            <Group justify="center">
              <DonutChart
                data={slices}
                size={170}
                thickness={26}
                withLegend
                tooltipDataSource="segment"
                pieProps={{ isAnimationActive: false }}
                valueFormatter={money}
                cellProps={(slice) => ({ cursor: 'pointer', onClick: () => onPick({ channel: slices.find((s) => s.name === slice.name)?.code }) })}
              />
            </Group>
          )}
        </Paper>
      </Grid.Col>
    </Grid>
  );
});
