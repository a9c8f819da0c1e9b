import type { Consumer, PayableItem } from '../accounts/account.js';
import { conflict, invalid, notFound } from '../api/errors.js';
import type { SignedInUser } from '../auth/roles.js';
import type { LedgerLineDraft } from '../ledger/ledger-line.js';
import { cents } from '../money.js';
import type { Ports } from '../ports.js';
import { takeNumber, type UseCaseContext } from '../payments/record-payment.js';
import { installmentDescription } from '../sync/apply-rules.js';
import { checkPlanTerms, type CheckedTerms, type PlanTermsRequest } from './plan-terms.js';
import type { PlanCover, PlanInstallment, PlanRecord } from './plan-record.js';
import { approvalFor, placeHold, writePlanLine } from './plan-use-case.js';

export interface CoveredItemRef {
  kind: 'bill' | 'service';
  id: string;
}

export interface PlanTerms extends PlanTermsRequest {
  consumerId: string;
  covers: readonly CoveredItemRef[];
}

export interface CreatePlanRequest extends PlanTerms {
  id: string;
}

/**
 * The open bills and service charges chosen, checked to be the consumer's and
 * still owed, and the terms worked out over them. Stores nothing: the preview
 * and the creation both start here.
 */
export function checkTerms(ports: Ports, terms: PlanTerms, context: UseCaseContext): { consumer: Consumer; items: PayableItem[]; checked: CheckedTerms } {
  const consumer = ports.consumers.byId(terms.consumerId);
  if (!consumer) throw notFound('consumerId', 'No consumer with this id');
  const wanted = [...new Map(terms.covers.map((c) => [c.id, c])).values()];
  const found = new Map(ports.items.byIds(consumer.id, wanted.map((c) => c.id)).map((item) => [item.id, item]));
  const items = wanted.map((ref) => {
    const item = found.get(ref.id);
    if (!item || item.kind !== ref.kind) throw invalid('covers', `No such ${ref.kind === 'bill' ? 'bill' : 'service charge'} on account ${consumer.accountNumber}`);
    if (item.open <= 0) throw invalid('covers', `${item.reference} is paid or already on a plan; choose what is still owed`);
    return item;
  });
  return { consumer, items, checked: checkPlanTerms(terms, items, context.today, context.settings.plans, context.settings.currency) };
}

/**
 * Makes a plan with the customer in front of the recovery executive, in one
 * transaction: the plan, its first version and installments, what each
 * covered item gave it, the ledger lines that move the arrears onto the
 * installments (the balance does not change), the disconnection hold, the
 * audit and the postings. A repeat of the same id makes nothing new.
 */
export function createPlan(ports: Ports, request: CreatePlanRequest, approver: SignedInUser | null, context: UseCaseContext): PlanRecord {
  const repeated = ports.plans.byId(request.id);
  if (repeated) {
    if (repeated.consumerId !== request.consumerId) throw conflict('id', 'This plan id already belongs to another plan');
    return repeated;
  }
  const { consumer, items, checked } = checkTerms(ports, request, context);
  const approvedBy = approvalFor(checked.approvalReasons, approver, context, 'this plan');

  const plan: PlanRecord = {
    id: request.id,
    number: takeNumber(ports, context, 'plan'),
    consumerId: consumer.id,
    status: 'on_track',
    version: 1,
    frequency: request.frequency,
    total: checked.total,
    downPayment: checked.downPayment,
    createdAt: context.now,
    createdBy: context.user.id,
    approvedBy,
    holdSince: null,
    source: 'counter',
  };
  ports.plans.insert(plan);
  const installments: PlanInstallment[] = checked.schedule.map((s) => ({ ...s, id: ports.newId(), planId: plan.id, version: 1 }));
  ports.plans.insertInstallments(installments);
  ports.plans.insertVersion({ id: ports.newId(), planId: plan.id, version: 1, action: 'created', reason: null, approvedBy, at: context.now, by: context.user.id, schedule: checked.schedule });
  const covers: PlanCover[] = items.map((item) => ({ planId: plan.id, itemKind: item.kind as PlanCover['itemKind'], itemId: item.id, amount: item.open }));
  ports.plans.insertCovers(covers);

  const line = (fields: Pick<LedgerLineDraft, 'entryKind' | 'itemKind' | 'itemId' | 'amount' | 'description'>): LedgerLineDraft => ({
    id: ports.newId(),
    consumerId: consumer.id,
    paymentId: null,
    createdAt: context.now,
    createdBy: context.user.id,
    ...fields,
  });
  ports.ledger.append([
    ...items.map((item) => line({ entryKind: 'adjustment', itemKind: item.kind, itemId: item.id, amount: cents(-item.open), description: `Moved to plan ${plan.number}` })),
    ...installments.map((i) => line({ entryKind: 'charge', itemKind: 'installment', itemId: i.id, amount: i.amount, description: installmentDescription(i.number, plan.number) })),
  ]);

  const parts = checked.schedule.length - (checked.downPayment > 0 ? 1 : 0);
  writePlanLine(ports, plan, 'created', { version: 1, total: plan.total, downPayment: plan.downPayment, installments: parts, frequency: plan.frequency, approvedBy }, context, {
    plan,
    consumer: { id: consumer.id, accountNumber: consumer.accountNumber, name: consumer.name },
    covers: covers.map(({ itemKind, itemId, amount }) => ({ kind: itemKind, id: itemId, amount })),
    schedule: installments.map(({ id, number, amount, dueOn }) => ({ id, number, amount, dueOn })),
  });
  return placeHold(ports, plan, context);
}
