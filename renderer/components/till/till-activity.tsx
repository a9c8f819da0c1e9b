import { Table, Text } from '@mantine/core';
import type { TillReport } from '../../../core/api/calls/tills.js';
import { useFormat } from '../../hooks/use-format.js';
import { useLoadedSettings } from '../../state/settings.js';
import { clockTime } from '../../sync/words.js';
import { SummaryList } from '../summary-list.js';
import { ReportSection } from './report-section.js';
import { TillAmount } from './till-amount.js';

/** What happened in the till beside its payments: cash moved, reversals, credit notes, every count kept, the manager's approval. */
export function TillActivity({ report }: { report: TillReport }) {
  const { money } = useFormat();
  const { dateFormat } = useLoadedSettings();
  const at = (iso: string) => clockTime(iso, dateFormat, new Date());

  return (
    <>
      {report.movements.length > 0 && (
        <ReportSection id="till-report-movements" title="Cash in and out">
          <Table aria-label="Cash in and out" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>At</Table.Th>
                <Table.Th>Direction</Table.Th>
                <Table.Th ta="right">Amount</Table.Th>
                <Table.Th>Reason</Table.Th>
                <Table.Th>By</Table.Th>
                <Table.Th>Approved by</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.movements.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{at(m.at)}</Table.Td>
                  <Table.Td>{m.direction === 'in' ? 'Cash in' : 'Cash out'}</Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {money(m.amount)}
                  </Table.Td>
                  <Table.Td>{m.reason}</Table.Td>
                  <Table.Td>{m.by}</Table.Td>
                  <Table.Td>{m.approvedBy ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ReportSection>
      )}
      {report.reversals.length > 0 && (
        <ReportSection id="till-report-reversals" title="Reversals">
          <Table aria-label="Reversals" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Reversal</Table.Th>
                <Table.Th>Receipt</Table.Th>
                <Table.Th>Method</Table.Th>
                <Table.Th ta="right">Amount</Table.Th>
                <Table.Th>At</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.reversals.map((r) => (
                <Table.Tr key={r.number}>
                  <Table.Td ff="monospace">{r.number}</Table.Td>
                  <Table.Td ff="monospace">{r.receiptNumber}</Table.Td>
                  <Table.Td>{r.methodLabel}</Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    <TillAmount amount={r.amount} />
                  </Table.Td>
                  <Table.Td>{at(r.at)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ReportSection>
      )}
      {report.creditNotes.length > 0 && (
        <ReportSection id="till-report-credit-notes" title="Credit notes">
          <SummaryList rows={report.creditNotes.map((n) => [`${n.number} (receipt ${n.receiptNumber}, ${n.reason})`, money(n.amount)])} />
        </ReportSection>
      )}
      {report.counts.length > 0 && (
        <ReportSection id="till-report-counts" title="Counts">
          <Table aria-label="Counts" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>At</Table.Th>
                <Table.Th>By</Table.Th>
                <Table.Th />
                <Table.Th ta="right">Cash</Table.Th>
                <Table.Th ta="right">Card</Table.Th>
                <Table.Th ta="right">M-PESA</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.counts.map((c, n) => (
                <Table.Tr key={n}>
                  <Table.Td>{at(c.at)}</Table.Td>
                  <Table.Td>{c.by}</Table.Td>
                  <Table.Td>{c.recount ? 'Recount' : 'First count'}</Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {money(c.cash)}
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {money(c.card)}
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {money(c.mpesa)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {report.counts.length > 1 && (
            <Text size="xs" c="dimmed" mt="xs">
              Every count is kept; the latest decides the variance.
            </Text>
          )}
        </ReportSection>
      )}
      {report.approval && (
        <ReportSection id="till-report-approval" title="Variance approval">
          <SummaryList
            rows={[
              ['Approved by', report.approval.by],
              ['Reason', report.approval.reason],
              ['At', at(report.approval.at)],
            ]}
          />
        </ReportSection>
      )}
    </>
  );
}
