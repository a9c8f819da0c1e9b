import type { BusinessDayView } from '../../core/api/calls/tills.js';
import type { Handlers } from '../../core/api/dispatch.js';
import { notFound } from '../../core/api/errors.js';
import type { SignedInUser } from '../../core/auth/roles.js';
import { add, cents, ZERO } from '../../core/money.js';
import { approveClose, countTill } from '../../core/tills/close-till.js';
import { closeDay } from '../../core/tills/close-day.js';
import { moveCash } from '../../core/tills/move-cash.js';
import { openTill } from '../../core/tills/open-till.js';
import { sessionView, tillReport, type TillSummary } from '../../core/tills/till-report.js';
import { approverFrom } from './approval.js';
import { localDate, useCaseContext, type ServiceContext } from './context.js';

type TillCalls = 'till-current' | 'till-open' | 'till-cash-move' | 'till-report' | 'till-count' | 'till-approve-close' | 'day-view' | 'day-close';

/** Tills are local records first: every call here works with the network down. */
export function tillHandlers(service: ServiceContext): Pick<Handlers, TillCalls> {
  const { store, clock } = service;
  const report = (tillSessionId: string, viewer: SignedInUser) => {
    if (!store.tills.session(tillSessionId)) throw notFound('tillSessionId', 'No till session with this id');
    return tillReport(store.tills.facts(tillSessionId), viewer, store.settings.get());
  };
  const nameOf = (userId: string) => store.users.displayName(userId);

  function day(businessDate: string): BusinessDayView {
    const closed = store.businessDays.closed(businessDate);
    const here = store.tills.summariesOn(businessDate);
    const ids = new Set(here.map((t) => t.id));
    const branch = store.branchTills.onDay(businessDate).filter((t) => !ids.has(t.id));
    const row = (t: TillSummary, source: 'this_terminal' | 'branch') => ({ ...t, source });
    const tills = [...here.map((t) => row(t, 'this_terminal')), ...branch.map((t) => row(t, 'branch'))];
    return {
      businessDate,
      closed: Boolean(closed),
      closedAt: closed?.closedAt ?? null,
      closedBy: closed ? nameOf(closed.closedBy) : null,
      tills,
      totals: { taken: add(ZERO, ...tills.map((t) => cents(t.taken))), variance: add(ZERO, ...tills.map((t) => cents(t.variance ?? 0))) },
    };
  }

  return {
    'till-current': (_input, { user }) => {
      const settings = store.settings.get();
      const till = store.tills.openOf(user!.id, settings.terminalCode);
      return {
        till: till ? sessionView(till, user!.displayName) : null,
        rules: {
          denominations: settings.tills.denominations,
          blindCount: settings.tills.blindCount,
          varianceTolerance: settings.tills.varianceTolerance,
          cashMovementApprovalAbove: settings.tills.cashMovementApprovalAbove,
        },
      };
    },
    'till-open': ({ id, openingFloat, counts }, { user }) => {
      const session = store.transaction(() => openTill(store.ports, { id, openingFloat, counts }, useCaseContext(store, clock, user!)));
      return sessionView(session, nameOf(session.cashierId));
    },
    'till-cash-move': ({ approval, ...request }, { user }) => {
      const approver = approval ? approverFrom(service, approval) : null;
      store.transaction(() => moveCash(store.ports, request, approver, useCaseContext(store, clock, user!)));
      return report(request.tillSessionId, user!);
    },
    'till-report': ({ tillSessionId }, { user }) => report(tillSessionId, user!),
    'till-count': (request, { user }) => {
      store.transaction(() => countTill(store.ports, request, useCaseContext(store, clock, user!)));
      return report(request.tillSessionId, user!);
    },
    'till-approve-close': ({ tillSessionId, reason, approval }, { user }) => {
      const approver = approverFrom(service, approval);
      store.transaction(() => approveClose(store.ports, { tillSessionId, reason }, approver, useCaseContext(store, clock, user!)));
      return report(tillSessionId, user!);
    },
    'day-view': ({ businessDate }) => day(businessDate ?? localDate(clock())),
    'day-close': ({ businessDate }, { user }) => {
      store.transaction(() => closeDay(store.ports, businessDate, useCaseContext(store, clock, user!)));
      return day(businessDate);
    },
  };
}
