import { SimpleGrid, Stack, Table } from '@mantine/core';
import type { TillReport } from '../../../core/api/calls/tills.js';
import { useFormat } from '../../hooks/use-format.js';
import { useLoadedSettings } from '../../state/settings.js';
import { clockTime } from '../../sync/words.js';
import { TILL_STATUS_LABELS } from '../../tills/words.js';
import { SummaryList } from '../summary-list.js';
import { ReportSection } from './report-section.js';
import { TillActivity } from './till-activity.js';
import { TillAmount } from './till-amount.js';
import { VarianceTable } from './variance-table.js';

/**
 * A till's figures: the X report of an open till, the Z report of a closed
 * one. While the count is blind, amounts that would give the drawer away
 * read "Hidden until the count".
 */
export function TillFigures({ report }: { report: TillReport }) {
  const { money } = useFormat();
  const { dateFormat } = useLoadedSettings();
  const { session, cash, receipts } = report;
  const shown = (amount: number | null) => <TillAmount amount={amount} />;
  const at = (iso: string) => clockTime(iso, dateFormat, new Date());

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ReportSection id="till-report-session" title="Till">
          <SummaryList
            rows={[
              ['Till', session.number],
              ['Cashier', session.cashier.name],
              ['Terminal', session.terminalCode],
              ['Business day', session.businessDate],
              ['Status', TILL_STATUS_LABELS[session.status]],
              ['Opened at', at(session.openedAt)],
              session.closedAt ? ['Closed at', at(session.closedAt)] : null,
              report.closedBy ? ['Closed by', report.closedBy] : null,
              ['Receipts', String(receipts.count)],
              receipts.first ? ['First receipt', receipts.first] : null,
              receipts.last ? ['Last receipt', receipts.last] : null,
            ]}
          />
        </ReportSection>
        <ReportSection id="till-report-cash" title="Cash">
          <SummaryList
            rows={[
              ['Opening float', money(cash.openingFloat)],
              ['Cash received', shown(cash.received)],
              ['Change given', shown(cash.changeGiven)],
              ['Cash in', money(cash.cashIn)],
              ['Cash out', money(cash.cashOut)],
              ['Cash refunds', shown(cash.refunds)],
              ['Expected cash', shown(cash.expected)],
            ]}
          />
        </ReportSection>
      </SimpleGrid>
      {report.variances.length > 0 && (
        <ReportSection id="till-report-count" title="Count">
          <VarianceTable report={report} />
        </ReportSection>
      )}
      <ReportSection id="till-report-methods" title="By method">
        <Table aria-label="By method" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Method</Table.Th>
              <Table.Th ta="right">Payments</Table.Th>
              <Table.Th ta="right">Taken</Table.Th>
              <Table.Th ta="right">Reversals</Table.Th>
              <Table.Th ta="right">Reversed</Table.Th>
              <Table.Th ta="right">Net</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.methods.map((m) => (
              <Table.Tr key={m.method}>
                <Table.Td>{m.label}</Table.Td>
                <Table.Td ta="right">{m.payments}</Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {shown(m.taken)}
                </Table.Td>
                <Table.Td ta="right">{m.reversals}</Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {shown(m.reversed)}
                </Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {shown(m.net)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ReportSection>
      <TillActivity report={report} />
    </Stack>
  );
}
