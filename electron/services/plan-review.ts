import dayjs from 'dayjs';
import type { Handlers } from '../../core/api/dispatch.js';
import type { PlanRecord } from '../../core/plans/plan-record.js';
import { reviewPlans } from '../../core/plans/review-plans.js';
import { SYSTEM_USER } from '../../core/sync/apply-rules.js';
import type { Store } from '../../db/store.js';
import { localDate } from './context.js';

const CHECK_EVERY_MS = 60 * 60 * 1000;

export interface PlanReview {
  /** Reviews every open plan when the terminal's day is not the one last reviewed; otherwise costs one comparison. */
  ifNewDay(): void;
  /** Reviews a consumer's plans now: a payment into an installment or a reversal may have moved them. */
  ofConsumer(consumerId: string): void;
  stop(): void;
}

/**
 * Payment plan compliance, reviewed by the system: at start, on the first
 * call of each new day (and hourly, for a counter left idle overnight), and
 * for a consumer after money moved on their installments. Each run is one
 * transaction; a run that changes nothing writes nothing.
 */
export function startPlanReview(store: Store, clock: () => Date, log: (message: string) => void): PlanReview {
  let day = { from: 0, to: 0 };
  const run = (plans: () => PlanRecord[]) => {
    const now = clock();
    const context = { user: SYSTEM_USER, settings: store.settings.get(), today: localDate(now), now: now.toISOString() };
    const changed = store.transaction(() => reviewPlans(store.ports, plans(), context));
    if (changed > 0) log(`${changed} payment plan(s) changed status`);
  };
  const ifNewDay = () => {
    const now = clock().getTime();
    if (now >= day.from && now < day.to) return;
    run(() => store.plans.underReview());
    const start = dayjs(now).startOf('day');
    day = { from: start.valueOf(), to: start.add(1, 'day').valueOf() };
  };
  ifNewDay();
  const timer = setInterval(ifNewDay, CHECK_EVERY_MS);
  timer.unref();
  return { ifNewDay, ofConsumer: (consumerId) => run(() => store.plans.ofConsumer(consumerId)), stop: () => clearInterval(timer) };
}

type Handler = (input: unknown, context: unknown) => unknown;

/**
 * Every call first catches up a day change; a payment into an installment, a
 * reversal or a correction then reviews that consumer's plans. A payment into
 * bills or services adds nothing to its path.
 */
export function withPlanReviews(handlers: Handlers, review: PlanReview, store: Store): Handlers {
  const wrapped = Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => [
      name,
      (input: unknown, context: unknown) => {
        review.ifNewDay();
        return (handler as Handler)(input, context);
      },
    ]),
  ) as Handlers;
  const after = <N extends 'payment-record' | 'payment-reverse' | 'payment-correct'>(name: N, consumersOf: (input: Parameters<Handlers[N]>[0]) => string[]): Handlers[N] =>
    (async (input: Parameters<Handlers[N]>[0], context: unknown) => {
      const consumers = consumersOf(input);
      const result = await (wrapped[name] as Handler)(input, context);
      for (const consumerId of new Set(consumers)) review.ofConsumer(consumerId);
      return result;
    }) as Handlers[N];
  const original = (paymentId: string) => store.payments.facts(paymentId);
  return {
    ...wrapped,
    'payment-record': after('payment-record', (input) => (input.type === 'installment' ? [input.consumerId] : [])),
    'payment-reverse': after('payment-reverse', (input) => {
      const payment = original(input.paymentId);
      return payment?.type === 'installment' ? [payment.consumerId] : [];
    }),
    'payment-correct': after('payment-correct', (input) => {
      const payment = original(input.paymentId);
      return [...(payment?.type === 'installment' ? [payment.consumerId] : []), ...(input.replacement.type === 'installment' ? [input.replacement.consumerId] : [])];
    }),
  };
}
