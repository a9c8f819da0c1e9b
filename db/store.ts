import type { Ports } from '../core/ports.js';
import type { CounterDb } from './connection.js';
import { newId } from './ids.js';
import { consumersRepository } from './repositories/consumers.js';
import { creditNotesRepository } from './repositories/credit-notes.js';
import { itemsRepository } from './repositories/items.js';
import { journalRepository } from './repositories/journal.js';
import { ledgerRepository } from './repositories/ledger.js';
import { mpesaConfirmationsRepository } from './repositories/mpesa-confirmations.js';
import { paymentsRepository } from './repositories/payments.js';
import { planAlertsRepository } from './repositories/plan-alerts.js';
import { plansRepository } from './repositories/plans.js';
import { printJobsRepository } from './repositories/print-jobs.js';
import { recoveryRepository } from './repositories/recovery.js';
import { reversalsRepository } from './repositories/reversals.js';
import { outboxRepository } from './repositories/outbox.js';
import { settingsRepository } from './repositories/settings.js';
import { syncReviewsRepository } from './repositories/sync-reviews.js';
import { syncStateRepository } from './repositories/sync-state.js';
import { branchTillsRepository, businessDaysRepository, tillsRepository } from './repositories/tills.js';
import { usersRepository } from './repositories/users.js';
import { workspaceFiguresRepository } from './repositories/workspace-figures.js';

/** Every repository over one connection, and the transaction that use cases run in. */
export function createStore(db: CounterDb) {
  const journal = journalRepository(db);
  const store = {
    db,
    consumers: consumersRepository(db),
    items: itemsRepository(db),
    payments: paymentsRepository(db),
    creditNotes: creditNotesRepository(db),
    reversals: reversalsRepository(db),
    ledger: ledgerRepository(db),
    settings: settingsRepository(db),
    users: usersRepository(db),
    printJobs: printJobsRepository(db),
    outboxDelivery: outboxRepository(db),
    syncState: syncStateRepository(db),
    mpesaConfirmations: mpesaConfirmationsRepository(db),
    syncReviews: syncReviewsRepository(db),
    tills: tillsRepository(db),
    businessDays: businessDaysRepository(db),
    branchTills: branchTillsRepository(db),
    plans: plansRepository(db),
    planAlerts: planAlertsRepository(db),
    recovery: recoveryRepository(db),
    workspaceFigures: workspaceFiguresRepository(db),
    ...journal,
    newId,
    /**
     * BEGIN IMMEDIATE takes the write lock up front, so two windows never
     * interleave between reading a number or hash and writing the next.
     * The callback must be synchronous: better-sqlite3 cannot roll back an async one.
     */
    transaction<T>(work: () => T): T {
      try {
        return db.$client.transaction(work).immediate();
      } catch (error) {
        // The settings cache may hold what the rolled-back work saved.
        store.settings.forget();
        throw error;
      }
    },
  };
  const ports: Ports = store;
  return Object.assign(store, { ports });
}

export type Store = ReturnType<typeof createStore>;
