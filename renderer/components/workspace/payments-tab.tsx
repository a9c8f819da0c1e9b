import { ActionIcon, Anchor, Button, Group, Menu, Paper, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { PAYMENT_TYPES } from '../../../core/accounts/account.js';
import { TAKES_PAYMENTS } from '../../../core/auth/roles.js';
import { PAYMENT_STATUSES } from '../../../core/payments/payment-record.js';
import { CREDIT_TENDER_LABEL } from '../../../core/payments/tenders.js';
import { call } from '../../api/client.js';
import { go } from '../../state/router.js';
import { useSession } from '../../state/session.js';
import { useLoadedSettings } from '../../state/settings.js';
import { updateView } from '../../state/workspace.js';
import { paymentColumns, type PaymentRow } from '../../workspace/export-rows.js';
import { localError, paymentsSearch } from '../../workspace/search-input.js';
import { DEFAULT_PAYMENT_FILTERS, sortBy, withPaymentFilters, type PaymentFilters, type PaymentSort } from '../../workspace/view.js';
import { PAYMENT_STATUS_LABELS, PAYMENT_TYPE_LABELS } from '../../workspace/words.js';
import { CreditNoteDialog } from '../credit-note-dialog.js';
import { ErrorAlert } from '../error-alert.js';
import { PaymentCells } from '../payment-cells.js';
import { ChipFilter } from './chip-filter.js';
import { DebouncedInput } from './debounced-input.js';
import { DocumentModal } from './document-modal.js';
import { ExportButton } from './export-button.js';
import { SortableHeader } from './sortable-header.js';
import { TablePager } from './table-pager.js';
import { usePaymentsTotal } from './use-payments-total.js';
import { useSearchPage } from './use-search-page.js';

const change = (filters: Partial<PaymentFilters>) => updateView((view) => withPaymentFilters(view, filters));
/** Fields of this tab a refusal is shown on; any other refusal shows above the table. */
const FIELDS: ReadonlySet<string> = new Set(['query', 'from', 'to']);
const STATUS_OPTIONS = PAYMENT_STATUSES.map((value) => ({ value, label: PAYMENT_STATUS_LABELS[value] }));
const TYPE_OPTIONS = PAYMENT_TYPES.map((value) => ({ value, label: PAYMENT_TYPE_LABELS[value] }));

type Open = { kind: 'receipt' | 'credit-note'; payment: PaymentRow } | null;

/** All Payments: search, filters, the sortable and paged table, its three-dot menus, and the export. */
export function PaymentsTab({ filters }: { filters: PaymentFilters }) {
  const settings = useLoadedSettings();
  const checked = paymentsSearch(filters);
  const search = useSearchPage('payments-search', checked.ok ? checked.input : null);
  const { total, counting } = usePaymentsTotal(search.page, search.asked);
  const [open, setOpen] = useState<Open>(null);
  const methodOptions = [...settings.paymentMethods.map((m) => ({ value: m.code as string, label: m.label })), { value: 'credit_note', label: CREDIT_TENDER_LABEL }];
  const channelOptions = settings.channels.map((c) => ({ value: c.code, label: c.label }));
  const channelLabel = (code: string) => settings.channels.find((c) => c.code === code)?.label ?? code;
  const fieldError = (field: string) => localError(checked, field) ?? (search.error?.field === field ? search.error.message : undefined);
  const exportInput = checked.ok ? checked.input : null;

  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="section" aria-label="Payment filters">
        <Stack gap="sm">
          <Group align="flex-start" wrap="wrap">
            <DebouncedInput
              type="search"
              label="Search payments"
              placeholder="Consumer name, receipt number or consumer ID"
              w={340}
              maxLength={60}
              value={filters.query}
              error={fieldError('query')}
              onCommit={(query) => change({ query })}
            />
            <TextInput type="date" label="From" w={160} value={filters.from} error={fieldError('from')} onChange={(e) => change({ from: e.currentTarget.value })} />
            <TextInput type="date" label="To" w={160} value={filters.to} error={fieldError('to')} onChange={(e) => change({ to: e.currentTarget.value })} />
            <Group gap="xs" mt={24} ml="auto">
              <Button variant="subtle" onClick={() => change(DEFAULT_PAYMENT_FILTERS)}>
                Clear filters
              </Button>
              <ExportButton
                what="payments"
                columns={paymentColumns(channelLabel)}
                fetchPage={exportInput && (search.page?.rows.length ?? 0) > 0 ? (offset, limit) => call('payments-search', { ...exportInput, offset, limit }) : null}
              />
            </Group>
          </Group>
          <ChipFilter label="Method" options={methodOptions} value={filters.methods} onChange={(methods) => change({ methods })} />
          <ChipFilter label="Status" options={STATUS_OPTIONS} value={filters.statuses} onChange={(statuses) => change({ statuses })} />
          <ChipFilter label="Type" options={TYPE_OPTIONS} value={filters.types} onChange={(types) => change({ types })} />
          <ChipFilter label="Channel" options={channelOptions} value={filters.channels} onChange={(channels) => change({ channels })} />
        </Stack>
      </Paper>
      {search.error && !FIELDS.has(search.error.field ?? '') && <ErrorAlert title="The payments could not be searched" error={search.error} onRetry={search.reload} />}
      {!checked.ok && <Text c="dimmed">Correct the filters above to see payments.</Text>}
      {search.page && <PaymentsTable rows={search.page.rows} filters={filters} onOpen={setOpen} />}
      {search.page && (
        <TablePager label="payments" page={filters.page} shown={search.page.rows.length} total={total} more={search.page.more} loading={search.loading || counting} onPage={(page) => change({ page })} />
      )}
      {!search.page && search.loading && <TablePager label="payments" page={1} shown={0} total={0} loading onPage={() => {}} />}
      {open?.kind === 'receipt' && <DocumentModal document="receipt" id={open.payment.id} title={`Receipt ${open.payment.receiptNumber}`} onClose={() => setOpen(null)} />}
      {open?.kind === 'credit-note' && (
        <CreditNoteDialog
          paymentId={open.payment.id}
          onClose={() => setOpen(null)}
          onCreated={() => {
            setOpen(null);
            search.reload();
          }}
        />
      )}
    </Stack>
  );
}

function PaymentsTable({ rows, filters, onOpen }: { rows: PaymentRow[]; filters: PaymentFilters; onOpen(open: Open): void }) {
  const role = useSession((s) => s.user?.role);
  const takesPayments = role !== undefined && TAKES_PAYMENTS.includes(role);
  const onSort = (column: PaymentSort) => change(sortBy(filters, column));
  const header = (column: PaymentSort, label: string, align?: 'right') => <SortableHeader column={column} label={label} sort={filters.sort} direction={filters.direction} onSort={onSort} align={align} />;

  if (rows.length === 0) {
    return (
      <Text c="dimmed" ta="center" py="lg">
        No payments match this search and these filters.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover aria-label="Payments">
        <Table.Thead>
          <Table.Tr>
            {header('receipt', 'Receipt #')}
            {header('consumer', 'Consumer')}
            {header('amount', 'Amount', 'right')}
            <Table.Th>Method</Table.Th>
            {header('date', 'Date')}
            <Table.Th>Type</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th w={48}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((p) => {
            const creditable = takesPayments && p.status === 'posted' && p.method !== 'credit_note';
            return (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor component="button" type="button" ff="monospace" fz="sm" onClick={() => go({ name: 'receipt', paymentId: p.id })}>
                    {p.receiptNumber}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Anchor component="button" type="button" fz="sm" onClick={() => go({ name: 'account', consumerId: p.consumerId })}>
                    {p.consumerName}
                  </Anchor>{' '}
                  <Text span c="dimmed" size="xs" ff="monospace" title={`Consumer ID ${p.consumerId}`}>
                    {p.accountNumber}
                  </Text>
                </Table.Td>
                <PaymentCells payment={p} />
                <Table.Td>
                  <Menu position="bottom-end">
                    <Menu.Target>
                      <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${p.receiptNumber}`}>
                        ⋮
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => go({ name: 'receipt', paymentId: p.id })}>View details</Menu.Item>
                      <Menu.Item onClick={() => onOpen({ kind: 'receipt', payment: p })}>View receipt</Menu.Item>
                      <Menu.Item disabled={!creditable} onClick={() => onOpen({ kind: 'credit-note', payment: p })}>
                        Create credit note
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
