import dayjs from 'dayjs';
import type { Handlers } from '../../core/api/dispatch.js';
import { collectionReport } from '../../core/plans/collection-report.js';
import { daysOverdue, delinquencyBounds } from '../../core/plans/delinquency.js';
import { localDate, type ServiceContext } from './context.js';

type RecoveryCalls = 'delinquent-search' | 'plan-collection-report' | 'settings-plans-set';

/** The terminal's calendar day of a stored instant; a plan brought down from the centre has a bare day. */
const dayOf = (at: string) => dayjs(at).format('YYYY-MM-DD');

/** The recovery desk's reading calls, and the plan rules an administrator sets. */
export function recoveryHandlers({ store, clock }: ServiceContext): Pick<Handlers, RecoveryCalls> {
  return {
    'delinquent-search': ({ arrearsAbove, overdueDaysAbove, status, plan, sort, direction, limit, offset }) => {
      const today = localDate(clock());
      // No status ticked is no filter on status, as on the search form.
      const statuses = status && status.length > 0 ? status : null;
      const found = store.recovery.delinquents({ ...delinquencyBounds({ arrearsAbove, overdueDaysAbove }, today), statuses, plan, sort, direction, limit, offset });
      return { rows: found.rows.map((row) => ({ ...row, daysOverdue: daysOverdue(row.oldestDueOn, today) })), total: found.total };
    },

    'plan-collection-report': (period) => {
      const plans = store.recovery.plans().map(({ cancelledAt, ...plan }) => ({ ...plan, createdOn: dayOf(plan.createdAt), cancelledOn: cancelledAt === null ? null : dayOf(cancelledAt) }));
      const facts = { plans, installments: store.recovery.installmentsDue(period), collections: store.recovery.collections(period) };
      return collectionReport(period, facts, localDate(clock()), store.settings.get().plans.graceDays);
    },

    'settings-plans-set': (plans, { user }) =>
      store.transaction(() => {
        const before = store.settings.get();
        const after = store.settings.save({ ...before, plans });
        store.audit.append({ id: store.newId(), at: clock().toISOString(), userId: user!.id, action: 'settings.plans', entity: 'settings', entityId: 'plans', before: before.plans, after: after.plans });
        return { ok: true as const };
      }),
  };
}
