import type { Handlers } from '../../core/api/dispatch.js';
import { addDays } from '../../core/dates/calendar.js';
import { collectionsChart } from '../../core/workspace/collections-chart.js';
import { COLLECTED, workspaceKpis } from '../../core/workspace/kpis.js';
import { firstDayOf, lastDayOf, monthOf, previousMonth } from '../../core/workspace/period.js';
import { localDate, type ServiceContext } from './context.js';
import { searchHandlers } from './search-handlers.js';

type WorkspaceCalls = 'workspace-kpis' | 'workspace-chart' | 'payments-search' | 'payments-count' | 'credit-notes-search' | 'credit-note-audit';

/**
 * The managers' payments workspace: the KPI header and the charts read the
 * daily summaries, for the current month unless one is chosen; the tabs'
 * searches are in search-handlers.ts.
 */
export function workspaceHandlers(service: ServiceContext): Pick<Handlers, WorkspaceCalls> {
  const { store, clock } = service;
  const figures = store.workspaceFigures;
  return {
    'workspace-kpis': ({ month: chosen }) => {
      const today = localDate(clock());
      const month = chosen ?? monthOf(today);
      const from = firstDayOf(previousMonth(month));
      const to = lastDayOf(month);
      return workspaceKpis({
        month,
        today,
        months: figures.collectionsByDay(from, to, COLLECTED),
        days: figures.collectionsByDay(addDays(today, -1), today, COLLECTED),
        dues: figures.duesByDay(from, to),
      });
    },
    'workspace-chart': ({ month: chosen }) => {
      const month = chosen ?? monthOf(localDate(clock()));
      return collectionsChart(month, figures.splitsByDay(firstDayOf(month), lastDayOf(month), COLLECTED), store.settings.get());
    },
    ...searchHandlers(service),
  };
}
