import type { Handlers } from '../../core/api/dispatch.js';
import { notFound } from '../../core/api/errors.js';
import { acknowledgeAlert } from '../../core/plans/acknowledge-alert.js';
import { cancelPlan } from '../../core/plans/cancel-plan.js';
import { checkTerms, createPlan } from '../../core/plans/create-plan.js';
import { planView } from '../../core/plans/plan-view.js';
import { reschedulePlan } from '../../core/plans/reschedule-plan.js';
import { approverFrom } from './approval.js';
import { localDate, useCaseContext, type ServiceContext } from './context.js';

type PlanCalls = 'plan-preview' | 'plan-create' | 'plan-view' | 'plans-of-consumer' | 'plan-reschedule' | 'plan-cancel' | 'plan-alerts' | 'plan-alert-acknowledge';

/** Payment plans are local records first, like payments: every call here works with the network down. */
export function planHandlers(service: ServiceContext): Pick<Handlers, PlanCalls> {
  const { store, clock } = service;
  const view = (planId: string) => {
    if (!store.plans.byId(planId)) throw notFound('planId', 'No payment plan with this id');
    return planView(store.plans.facts(planId), localDate(clock()), store.settings.get());
  };
  const approverOf = (approval: { username: string; pin: string } | undefined) => (approval ? approverFrom(service, approval) : null);

  return {
    'plan-preview': (terms, { user }) => {
      const { checked } = checkTerms(store.ports, terms, useCaseContext(store, clock, user!));
      return {
        total: checked.total,
        downPayment: checked.downPayment,
        installments: checked.schedule.map((s, index) => ({ ...s, isDownPayment: checked.downPayment > 0 && index === 0 })),
        needsApproval: checked.approvalReasons.length > 0,
        approvalReasons: checked.approvalReasons,
      };
    },
    'plan-create': ({ approval, ...request }, { user }) => {
      const approver = approverOf(approval);
      const plan = store.transaction(() => createPlan(store.ports, request, approver, useCaseContext(store, clock, user!)));
      return view(plan.id);
    },
    'plan-view': ({ planId }) => view(planId),
    'plans-of-consumer': ({ consumerId }) => {
      if (!store.consumers.byId(consumerId)) throw notFound('consumerId', 'No consumer with this id');
      return store.plans.ofConsumer(consumerId).map((plan) => view(plan.id));
    },
    'plan-reschedule': ({ approval, ...request }, { user }) => {
      const approver = approverOf(approval);
      store.transaction(() => reschedulePlan(store.ports, request, approver, useCaseContext(store, clock, user!)));
      return view(request.planId);
    },
    'plan-cancel': ({ approval, ...request }, { user }) => {
      const approver = approverOf(approval);
      store.transaction(() => cancelPlan(store.ports, request, approver, useCaseContext(store, clock, user!)));
      return view(request.planId);
    },
    'plan-alerts': ({ includeAcknowledged }) => ({ alerts: store.planAlerts.list(includeAcknowledged), open: store.planAlerts.openCount() }),
    'plan-alert-acknowledge': (request, { user }) => {
      store.transaction(() => acknowledgeAlert(store.ports, request, useCaseContext(store, clock, user!)));
      return store.planAlerts.view(request.alertId)!;
    },
  };
}
