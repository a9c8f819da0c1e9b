import { ActionIcon, Anchor, Badge, Button, Group, Menu, MultiSelect, NativeSelect, Paper, SegmentedControl, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { CREDIT_NOTE_REASONS, type CreditNoteReason } from '../../../core/credit-notes/credit-note.js';
import type { RemainingClass } from '../../../core/workspace/search-terms.js';
import { call } from '../../api/client.js';
import { useFormat } from '../../hooks/use-format.js';
import { today } from '../../payments/draft.js';
import { go } from '../../state/router.js';
import { updateView } from '../../state/workspace.js';
import { CREDIT_NOTE_COLUMNS, type CreditNoteRow } from '../../workspace/export-rows.js';
import { creditNotesSearch, localError } from '../../workspace/search-input.js';
import {
  CREATED_CHOICES,
  CREDIT_NOTE_STATUSES,
  DEFAULT_CREDIT_NOTE_FILTERS,
  REMAINING_CLASSES,
  sortBy,
  withCreditNoteFilters,
  type CreatedChoice,
  type CreditNoteFilters,
  type CreditNoteSort,
  type CreditNoteStatusFilter,
} from '../../workspace/view.js';
import { CREATED_LABELS, CREDIT_NOTE_REASON_LABELS, CREDIT_NOTE_STATUS_FILTER_LABELS, REMAINING_LABELS } from '../../workspace/words.js';
import { ErrorAlert } from '../error-alert.js';
import { PaymentStatusBadge } from '../status-badges.js';
import { ConsumerPicker } from './consumer-picker.js';
import { downloadCreditNote, printCreditNote } from './credit-note-documents.js';
import { DebouncedInput } from './debounced-input.js';
import { DocumentModal } from './document-modal.js';
import { ExportButton } from './export-button.js';
import { SortableHeader } from './sortable-header.js';
import { TablePager } from './table-pager.js';
import { useSearchPage } from './use-search-page.js';

const change = (filters: Partial<CreditNoteFilters>) => updateView((view) => withCreditNoteFilters(view, filters));
const openDetails = (id: string) => updateView((view) => ({ ...view, note: id }));

/** Fields of this tab a refusal is shown on; any other refusal shows above the table. */
type Field = 'query' | 'from' | 'to' | 'amountMin' | 'amountMax' | 'linkedReceipt';
const FIELDS: ReadonlySet<string> = new Set<Field>(['query', 'from', 'to', 'amountMin', 'amountMax', 'linkedReceipt']);

const STATUS_DATA = CREDIT_NOTE_STATUSES.map((value) => ({ value, label: CREDIT_NOTE_STATUS_FILTER_LABELS[value] }));
const CREATED_DATA = CREATED_CHOICES.map((value) => ({ value, label: CREATED_LABELS[value] }));
const REASON_DATA = CREDIT_NOTE_REASONS.map((value) => ({ value, label: CREDIT_NOTE_REASON_LABELS[value] }));
const REMAINING_DATA = [{ value: '', label: 'Any' }, ...REMAINING_CLASSES.map((value) => ({ value, label: REMAINING_LABELS[value] }))];

/** Credit Notes: the spec's search and filters, the sortable and paged table, its three-dot menus, and the export. */
export function CreditNotesTab({ filters }: { filters: CreditNoteFilters }) {
  const checked = creditNotesSearch(filters, today());
  const search = useSearchPage('credit-notes-search', checked.ok ? checked.input : null);
  const [preview, setPreview] = useState<CreditNoteRow | null>(null);
  const fieldError = (field: Field) => localError(checked, field) ?? (search.error?.field === field ? search.error.message : undefined);
  const exportInput = checked.ok ? checked.input : null;

  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="section" aria-label="Credit note filters">
        <Stack gap="sm">
          <Group align="flex-end" wrap="wrap">
            <DebouncedInput
              type="search"
              label="Search credit notes"
              placeholder="Credit note number, consumer, account or receipt"
              w={340}
              maxLength={60}
              value={filters.query}
              error={fieldError('query')}
              onCommit={(query) => change({ query })}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="credit-note-status-label">
                Status
              </Text>
              <SegmentedControl aria-labelledby="credit-note-status-label" data={STATUS_DATA} value={filters.status} onChange={(status) => change({ status: status as CreditNoteStatusFilter })} />
            </Stack>
            <Group gap="xs" ml="auto">
              <Button variant="subtle" onClick={() => change(DEFAULT_CREDIT_NOTE_FILTERS)}>
                Clear filters
              </Button>
              <ExportButton
                what="credit-notes"
                columns={CREDIT_NOTE_COLUMNS}
                fetchPage={exportInput && (search.page?.total ?? 0) > 0 ? (offset, limit) => call('credit-notes-search', { ...exportInput, offset, limit }) : null}
              />
            </Group>
          </Group>
          <Group align="flex-start" wrap="wrap">
            <NativeSelect label="Created" w={140} data={CREATED_DATA} value={filters.created} onChange={(e) => change({ created: e.currentTarget.value as CreatedChoice })} />
            {filters.created === 'custom' && (
              <>
                <TextInput type="date" label="From" w={160} value={filters.from} error={fieldError('from')} onChange={(e) => change({ from: e.currentTarget.value })} />
                <TextInput type="date" label="To" w={160} value={filters.to} error={fieldError('to')} onChange={(e) => change({ to: e.currentTarget.value })} />
              </>
            )}
            <MultiSelect label="Reason" placeholder={filters.reasons.length === 0 ? 'Any reason' : undefined} w={220} data={REASON_DATA} value={filters.reasons} clearable onChange={(reasons) => change({ reasons: reasons as CreditNoteReason[] })} />
            <ConsumerPicker value={filters.consumer} onChange={(consumer) => change({ consumer })} />
            <NativeSelect label="Remaining amount" w={160} data={REMAINING_DATA} value={filters.remaining} onChange={(e) => change({ remaining: e.currentTarget.value as RemainingClass | '' })} />
            <DebouncedInput label="Linked payment" placeholder="Receipt number" w={150} maxLength={40} value={filters.linkedReceipt} error={fieldError('linkedReceipt')} onCommit={(linkedReceipt) => change({ linkedReceipt })} />
            <DebouncedInput label="Minimum amount" inputMode="decimal" autoComplete="off" w={120} value={filters.amountMin} error={fieldError('amountMin')} onCommit={(amountMin) => change({ amountMin })} />
            <DebouncedInput label="Maximum amount" inputMode="decimal" autoComplete="off" w={120} value={filters.amountMax} error={fieldError('amountMax')} onCommit={(amountMax) => change({ amountMax })} />
          </Group>
        </Stack>
      </Paper>
      {search.error && !FIELDS.has(search.error.field ?? '') && <ErrorAlert title="The credit notes could not be searched" error={search.error} onRetry={search.reload} />}
      {!checked.ok && <Text c="dimmed">Correct the filters above to see credit notes.</Text>}
      {search.page && <CreditNotesTable rows={search.page.rows} filters={filters} onPreview={setPreview} />}
      {search.page && <TablePager label="credit notes" page={filters.page} shown={search.page.rows.length} total={search.page.total} loading={search.loading} onPage={(page) => change({ page })} />}
      {!search.page && search.loading && <TablePager label="credit notes" page={1} shown={0} total={0} loading onPage={() => {}} />}
      {preview && <DocumentModal document="credit_note" id={preview.id} title={`Credit note ${preview.number}`} onClose={() => setPreview(null)} />}
    </Stack>
  );
}

function CreditNotesTable({ rows, filters, onPreview }: { rows: CreditNoteRow[]; filters: CreditNoteFilters; onPreview(row: CreditNoteRow): void }) {
  const { money, date } = useFormat();
  const onSort = (column: CreditNoteSort) => change(sortBy(filters, column));
  const header = (column: CreditNoteSort, label: string, align?: 'right') => <SortableHeader column={column} label={label} sort={filters.sort} direction={filters.direction} onSort={onSort} align={align} />;

  if (rows.length === 0) {
    return (
      <Text c="dimmed" ta="center" py="lg">
        No credit notes match this search and these filters.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped highlightOnHover aria-label="Credit notes">
        <Table.Thead>
          <Table.Tr>
            {header('number', 'Credit Note #')}
            <Table.Th>Consumer</Table.Th>
            {header('amount', 'Amount', 'right')}
            {header('remaining', 'Remaining', 'right')}
            <Table.Th>Reason</Table.Th>
            <Table.Th>Status</Table.Th>
            {header('created', 'Created Date')}
            <Table.Th>Linked Payment</Table.Th>
            <Table.Th w={48}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((n) => (
            <Table.Tr key={n.id}>
              <Table.Td>
                <Anchor component="button" type="button" ff="monospace" fz="sm" onClick={() => openDetails(n.id)}>
                  {n.number}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Anchor component="button" type="button" fz="sm" onClick={() => go({ name: 'account', consumerId: n.consumerId })}>
                  {n.consumerName}
                </Anchor>{' '}
                <Text span c="dimmed" size="xs" ff="monospace">
                  {n.accountNumber}
                </Text>
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {money(n.amount)}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {money(n.remaining)}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" radius="xl">
                  {n.reasonLabel}
                </Badge>
              </Table.Td>
              <Table.Td>
                <PaymentStatusBadge status={n.status} />
              </Table.Td>
              <Table.Td>{date(n.createdAt)}</Table.Td>
              <Table.Td>
                <Anchor component="button" type="button" ff="monospace" fz="sm" onClick={() => go({ name: 'receipt', paymentId: n.linkedPayment.id })}>
                  {n.linkedPayment.receiptNumber}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Menu position="bottom-end">
                  <Menu.Target>
                    <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${n.number}`}>
                      ⋮
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item onClick={() => openDetails(n.id)}>View details</Menu.Item>
                    <Menu.Item onClick={() => void printCreditNote(n.id, n.number)}>Print credit note</Menu.Item>
                    <Menu.Item onClick={() => onPreview(n)}>View credit note</Menu.Item>
                    <Menu.Item onClick={() => void downloadCreditNote(n.id, n.number)}>Download</Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
