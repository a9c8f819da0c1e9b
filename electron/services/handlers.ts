import type { Handlers } from '../../core/api/dispatch.js';
import { accountHandlers } from './account-handlers.js';
import type { ServiceContext } from './context.js';
import { paymentHandlers } from './payment-handlers.js';
import { creditNoteHandlers } from './credit-note-handlers.js';
import { documentHandlers } from './document-handlers.js';
import { sessionHandlers } from './session-handlers.js';
import { syncHandlers } from './sync-handlers.js';
import { tillHandlers } from './till-handlers.js';
import { planHandlers } from './plan-handlers.js';
import { withPlanReviews, type PlanReview } from './plan-review.js';
import { recoveryHandlers } from './recovery-handlers.js';
import { workspaceHandlers } from './workspace-handlers.js';

/** Every call of the contract, bound to its service; the type makes a missing one a compile error. */
export function createHandlers(context: ServiceContext, planReview: PlanReview): Handlers {
  const handlers: Handlers = {
    ...sessionHandlers(context),
    ...accountHandlers(context),
    ...paymentHandlers(context),
    ...creditNoteHandlers(context),
    ...documentHandlers(context),
    ...syncHandlers(context),
    ...tillHandlers(context),
    ...planHandlers(context),
    ...recoveryHandlers(context),
    ...workspaceHandlers(context),
  };
  return withPlanReviews(handlers, planReview, context.store);
}
