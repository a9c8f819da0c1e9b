import { Alert, Button, Checkbox, Group, Pagination, Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { ConsumerStatus } from '../../core/accounts/account.js';
import type { CallInput } from '../../core/api/contract.js';
import type { ApiErrorData } from '../../core/api/errors.js';
import { call } from '../api/client.js';
import { ErrorAlert } from '../components/error-alert.js';
import { Loading } from '../components/loading.js';
import { DelinquentTable } from '../components/plans/delinquent-table.js';
import { useCall } from '../hooks/use-call.js';
import { today } from '../payments/draft.js';
import { downloadCsv } from '../download.js';
import { delinquentCsv, delinquentFileName } from '../plans/exports.js';
import { EXPORT_LIMIT, PAGE_SIZE, filtered, pageOf, searchInput, shownRange, sortedBy, type PlanFilter } from '../plans/recovery.js';
import { useRecoveryQuery } from '../state/plans.js';
import { useSession } from '../state/session.js';

const FILTER_FIELDS = ['arrearsAbove', 'overdueDaysAbove', 'status'];
/** Typing in a filter asks again once the typing pauses. */
const FILTER_DELAY_MS = 300;

/**
 * The recovery desk's list of accounts in arrears: filtered by how much and
 * how long, the account's status and whether it has a plan; sorted by a
 * column; a page at a time; all matches exportable as CSV.
 */
export function RecoveryScreen() {
  const userId = useSession((s) => s.user?.id ?? '');
  const [query, setQuery] = useRecoveryQuery(userId);
  const [input] = useDebouncedValue(JSON.stringify(searchInput(query, pageOf(query))), FILTER_DELAY_MS);
  const result = useCall('delinquent-search', JSON.parse(input) as CallInput<'delinquent-search'>);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<ApiErrorData | null>(null);

  const error = result.status === 'error' ? result.error : null;
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);
  const total = result.status === 'ok' ? result.value.total : 0;

  async function exportCsv() {
    setExporting(true);
    setExportError(null);
    const all = await call('delinquent-search', searchInput(query, { limit: Math.min(Math.max(total, 1), EXPORT_LIMIT), offset: 0 }));
    setExporting(false);
    if (!all.ok) return setExportError(all.error);
    downloadCsv(delinquentCsv(all.value.rows), delinquentFileName(today()));
  }

  return (
    <Stack gap="md" maw={1200} mx="auto">
      <Group justify="space-between">
        <Title order={1} size="h3">
          Recovery
        </Title>
        <Button variant="default" loading={exporting} disabled={total === 0} onClick={() => void exportCsv()}>
          Export CSV
        </Button>
      </Group>
      <Paper withBorder p="lg" component="section" aria-label="Filters">
        <Group align="flex-start" gap="lg">
          <TextInput
            label="Arrears above"
            description="An amount, like 5000.00"
            inputMode="decimal"
            autoComplete="off"
            w={180}
            value={query.arrearsAbove}
            error={fieldError('arrearsAbove')}
            onChange={(e) => setQuery(filtered(query, { arrearsAbove: e.currentTarget.value }))}
          />
          <TextInput
            label="Days overdue above"
            description="Oldest unpaid due date"
            inputMode="numeric"
            autoComplete="off"
            w={180}
            value={query.overdueDaysAbove}
            error={fieldError('overdueDaysAbove')}
            onChange={(e) => setQuery(filtered(query, { overdueDaysAbove: e.currentTarget.value }))}
          />
          <Checkbox.Group label="Account status" description="None chosen shows all" value={query.status} error={fieldError('status')} onChange={(status) => setQuery(filtered(query, { status: status as ConsumerStatus[] }))}>
            <Group gap="md" mt={8}>
              <Checkbox value="active" label="Active" />
              <Checkbox value="suspended" label="Suspended" />
              <Checkbox value="disconnected" label="Disconnected" />
            </Group>
          </Checkbox.Group>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="plan-filter-label">
              Payment plan
            </Text>
            <SegmentedControl
              aria-labelledby="plan-filter-label"
              value={query.plan}
              onChange={(plan) => setQuery(filtered(query, { plan: plan as PlanFilter }))}
              data={[
                { value: 'any', label: 'Any' },
                { value: 'with', label: 'With a plan' },
                { value: 'without', label: 'Without a plan' },
              ]}
            />
          </Stack>
        </Group>
      </Paper>
      {exportError && (
        <Alert color="red" role="alert" title="The export could not be made">
          {exportError.message}
        </Alert>
      )}
      <Paper withBorder p="lg" component="section" aria-label="Delinquent accounts">
        {result.status === 'loading' && <Loading what="delinquent accounts" />}
        {error && !FILTER_FIELDS.includes(error.field ?? '') && <ErrorAlert title="Delinquent accounts could not be loaded" error={error} onRetry={result.reload} />}
        {result.status === 'ok' && (
          <Stack gap="sm">
            <Text size="sm" c="dimmed" role="status">
              {shownRange(query, result.value.rows.length, total)}
              {total > EXPORT_LIMIT && ` · an export holds the first ${EXPORT_LIMIT.toLocaleString('en')}`}
            </Text>
            {result.value.rows.length > 0 && <DelinquentTable rows={result.value.rows} query={query} onSort={(sort) => setQuery(sortedBy(query, sort))} />}
            {total > PAGE_SIZE && (
              <Group justify="center">
                <Pagination total={Math.ceil(total / PAGE_SIZE)} value={query.page} onChange={(page) => setQuery({ ...query, page })} getControlProps={(control) => ({ 'aria-label': `${control} page` })} getItemProps={(page) => ({ 'aria-label': `Page ${page}` })} />
              </Group>
            )}
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
