import { Stack, Tabs, Title } from '@mantine/core';
import { useEffect } from 'react';
import { CollectionsCharts, type ChartPick } from '../components/workspace/collections-charts.js';
import { CreditNoteDetailsModal } from '../components/workspace/credit-note-details-modal.js';
import { CreditNotesTab } from '../components/workspace/credit-notes-tab.js';
import { KpiHeader } from '../components/workspace/kpi-header.js';
import { PaymentsTab } from '../components/workspace/payments-tab.js';
import { today } from '../payments/draft.js';
import { useRouter } from '../state/router.js';
import { showView, updateView, useWorkspaceView } from '../state/workspace.js';
import { withPaymentFilters, type WorkspaceTab } from '../workspace/view.js';

const changeMonth = (month: string) => updateView((v) => ({ ...v, month }));

/** A click on a chart filters All Payments: a day, a day and a method, or a channel. */
const filterByChart = ({ date, method, channel }: Partial<ChartPick>) =>
  updateView((v) => ({
    ...withPaymentFilters(v, { ...(date ? { from: date, to: date } : {}), ...(method ? { methods: [method] } : {}), ...(channel ? { channels: [channel] } : {}) }),
    tab: 'payments',
  }));

/**
 * The managers' payments workspace: the month's key figures and charts, then
 * every payment and every credit note, searched, filtered, sorted, paged and
 * exported. All of it is in the route, so Back comes back to it as it was.
 */
export function WorkspaceScreen() {
  const view = useWorkspaceView();
  const routed = useRouter((s) => s.route.name === 'workspace' && s.route.view !== undefined);
  const currentMonth = today().slice(0, 7);

  // Opened from the navigation: the address takes the view it opens with.
  useEffect(() => {
    if (!routed) showView(view);
  }, [routed, view]);

  return (
    <Stack gap="lg" maw={1400} mx="auto">
      <Title order={1} size="h3">
        Payments
      </Title>
      <KpiHeader month={view.month} currentMonth={currentMonth} onMonthChange={changeMonth} />
      <CollectionsCharts month={view.month || currentMonth} onPick={filterByChart} />
      <Tabs value={view.tab} onChange={(tab) => tab && updateView((v) => ({ ...v, tab: tab as WorkspaceTab }))} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="payments">All Payments</Tabs.Tab>
          <Tabs.Tab value="credit-notes">Credit Notes</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="payments" pt="md">
          <PaymentsTab filters={view.payments} />
        </Tabs.Panel>
        <Tabs.Panel value="credit-notes" pt="md">
          <CreditNotesTab filters={view.creditNotes} />
        </Tabs.Panel>
      </Tabs>
      {view.note && <CreditNoteDetailsModal key={view.note} creditNoteId={view.note} onClose={() => updateView((v) => ({ ...v, note: null }))} />}
    </Stack>
  );
}
