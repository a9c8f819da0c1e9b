import type { Handlers } from '../../core/api/dispatch.js';
import { accountHandlers } from './account-handlers.js';
import type { ServiceContext } from './context.js';
import { paymentHandlers } from './payment-handlers.js';
import { creditNoteHandlers } from './credit-note-handlers.js';
import { documentHandlers } from './document-handlers.js';
import { sessionHandlers } from './session-handlers.js';
import { syncHandlers } from './sync-handlers.js';
import { tillHandlers } from './till-handlers.js';

/** Every call of the contract, bound to its service; the type makes a missing one a compile error. */
export function createHandlers(context: ServiceContext): Handlers {
  return {
    ...sessionHandlers(context),
    ...accountHandlers(context),
    ...paymentHandlers(context),
    ...creditNoteHandlers(context),
    ...documentHandlers(context),
    ...syncHandlers(context),
    ...tillHandlers(context),
  };
}
