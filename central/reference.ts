import { z } from 'zod';
import { billData, centralSettingsData, consumerData, mpesaConfirmationData, onlinePaymentData, paymentPlanData, serviceChargeData, type ChangeEntity } from '../core/sync/protocol.js';
import { bulkGenerate, type BulkOptions } from './bulk.js';
import type { ChangeLog } from './changes.js';
import type { CentralDb } from './database.js';
import { CentralProblem } from './problem.js';

/** What callers give: the protocol's shapes, with ids the centre fills in when left out. */
const optionalId = { id: z.string().min(1).optional() };
export const consumerInput = consumerData.extend(optionalId);
export const billInput = billData.extend(optionalId);
export const serviceChargeInput = serviceChargeData.extend(optionalId);
export const paymentPlanInput = paymentPlanData.extend({ ...optionalId, installments: z.array(paymentPlanData.shape.installments.element.extend(optionalId)).min(1) });
export const onlinePaymentInput = onlinePaymentData.extend(optionalId);
export const consumerPatch = consumerData.omit({ id: true }).partial();
export const onlinePaymentPatch = onlinePaymentData.omit({ id: true, consumerId: true }).partial();

export type ConsumerData = z.infer<typeof consumerData>;
export type BillData = z.infer<typeof billData>;
export type ServiceChargeData = z.infer<typeof serviceChargeData>;
export type PaymentPlanData = z.infer<typeof paymentPlanData>;
export type OnlinePaymentData = z.infer<typeof onlinePaymentData>;
export type MpesaConfirmationData = z.infer<typeof mpesaConfirmationData>;
export type CentralSettingsData = z.infer<typeof centralSettingsData>;

type ItemEntity = Exclude<ChangeEntity, 'consumer'>;

/**
 * The reference data the centre owns. Every write stores the entity's whole
 * new state as a change, in the same transaction, so what counters pull is
 * exactly what the centre holds. Items (bills, charges, plans, confirmations)
 * are issued once; consumers and online payments change, each change
 * carrying the whole new state.
 */
export function referenceData(db: CentralDb, changes: ChangeLog, newId: () => string) {
  const insertConsumer = db.prepare('insert into consumers (id, account_number, change_seq) values (?, ?, ?)');
  const moveConsumer = db.prepare('update consumers set account_number = ?, change_seq = ? where id = ?');
  const consumerSeq = db.prepare<[string], number>('select change_seq from consumers where id = ?').pluck();
  const accountHolder = db.prepare<[string], string>('select id from consumers where account_number = ?').pluck();
  const insertItem = db.prepare('insert into reference_items (entity, id, change_seq) values (?, ?, ?)');
  const moveItem = db.prepare('update reference_items set change_seq = ? where entity = ? and id = ?');
  const itemSeq = db.prepare<[string, string], number>('select change_seq from reference_items where entity = ? and id = ?').pluck();

  function requireConsumer(consumerId: string): void {
    if (consumerSeq.get(consumerId) === undefined) throw new CentralProblem(400, `No consumer ${consumerId} at the centre`, 'consumerId');
  }
  function requireAccountFree(accountNumber: string, holder?: string): void {
    const current = accountHolder.get(accountNumber);
    if (current !== undefined && current !== holder) throw new CentralProblem(409, `Account number ${accountNumber} belongs to another consumer`, 'accountNumber');
  }
  function issue<T extends { id: string }>(entity: ItemEntity, data: T): T {
    if (itemSeq.get(entity, data.id) !== undefined) throw new CentralProblem(409, `${entity} ${data.id} is already issued`, 'id');
    insertItem.run(entity, data.id, changes.append(entity, JSON.stringify(data)));
    return data;
  }
  function current<T>(entity: ItemEntity, id: string): T {
    const seq = itemSeq.get(entity, id);
    if (seq === undefined) throw new CentralProblem(404, `No ${entity} ${id} at the centre`, 'id');
    return JSON.parse(changes.dataAt(seq)) as T;
  }
  /** The bills an online payment pays are the centre's, and it pays no more than it carried. */
  function requireAllocations(payment: OnlinePaymentData): void {
    for (const { billId } of payment.allocations) {
      if (itemSeq.get('bill', billId) === undefined) throw new CentralProblem(400, `No bill ${billId} at the centre`, 'allocations');
    }
    const allocated = payment.allocations.reduce((sum, allocation) => sum + allocation.amount, 0);
    if (allocated > payment.amount) throw new CentralProblem(400, `The allocations (${allocated}) are more than the payment (${payment.amount})`, 'allocations');
  }
  const transaction = db.transaction.bind(db);

  return {
    addConsumer: transaction((input: z.input<typeof consumerInput>): ConsumerData => {
      const given = consumerInput.parse(input);
      const consumer = { ...given, id: given.id ?? newId() };
      if (consumerSeq.get(consumer.id) !== undefined) throw new CentralProblem(409, `consumer ${consumer.id} already exists`, 'id');
      requireAccountFree(consumer.accountNumber);
      insertConsumer.run(consumer.id, consumer.accountNumber, changes.append('consumer', JSON.stringify(consumer)));
      return consumer;
    }),

    updateConsumer: transaction((id: string, patch: z.input<typeof consumerPatch>): ConsumerData => {
      const seq = consumerSeq.get(id);
      if (seq === undefined) throw new CentralProblem(404, `No consumer ${id} at the centre`, 'id');
      const consumer = consumerData.parse({ ...(JSON.parse(changes.dataAt(seq)) as ConsumerData), ...consumerPatch.parse(patch), id });
      requireAccountFree(consumer.accountNumber, id);
      moveConsumer.run(consumer.accountNumber, changes.append('consumer', JSON.stringify(consumer)), id);
      return consumer;
    }),

    addBill: transaction((input: z.input<typeof billInput>): BillData => {
      const given = billInput.parse(input);
      const bill = { ...given, id: given.id ?? newId() };
      requireConsumer(bill.consumerId);
      return issue('bill', bill);
    }),

    addServiceCharge: transaction((input: z.input<typeof serviceChargeInput>): ServiceChargeData => {
      const given = serviceChargeInput.parse(input);
      const charge = { ...given, id: given.id ?? newId() };
      requireConsumer(charge.consumerId);
      return issue('service_charge', charge);
    }),

    addPaymentPlan: transaction((input: z.input<typeof paymentPlanInput>): PaymentPlanData => {
      const given = paymentPlanInput.parse(input);
      const plan = { ...given, id: given.id ?? newId(), installments: given.installments.map((i) => ({ ...i, id: i.id ?? newId() })) };
      requireConsumer(plan.consumerId);
      return issue('payment_plan', plan);
    }),

    addOnlinePayment: transaction((input: z.input<typeof onlinePaymentInput>): OnlinePaymentData => {
      const given = onlinePaymentInput.parse(input);
      const payment = { ...given, id: given.id ?? newId() };
      requireConsumer(payment.consumerId);
      requireAllocations(payment);
      return issue('online_payment', payment);
    }),

    /** The gateway or the settlement moved: the payment's whole new state becomes a new change. */
    updateOnlinePayment: transaction((id: string, patch: z.input<typeof onlinePaymentPatch>): OnlinePaymentData => {
      const payment = onlinePaymentData.parse({ ...current<OnlinePaymentData>('online_payment', id), ...onlinePaymentPatch.parse(patch), id });
      requireAllocations(payment);
      moveItem.run(changes.append('online_payment', JSON.stringify(payment)), 'online_payment', id);
      return payment;
    }),

    addMpesaConfirmation: transaction((input: z.input<typeof mpesaConfirmationData>): MpesaConfirmationData => {
      const confirmation = mpesaConfirmationData.parse(input);
      if (itemSeq.get('mpesa_confirmation', confirmation.code) !== undefined) throw new CentralProblem(409, `M-PESA code ${confirmation.code} is already confirmed`, 'code');
      insertItem.run('mpesa_confirmation', confirmation.code, changes.append('mpesa_confirmation', JSON.stringify(confirmation)));
      return confirmation;
    }),

    /** The payment modes and limits every counter takes; each call replaces them. */
    setSettings: transaction((input: z.input<typeof centralSettingsData>): CentralSettingsData => {
      const settings = centralSettingsData.parse(input);
      const seq = changes.append('settings', JSON.stringify(settings));
      if (itemSeq.get('settings', SETTINGS_ID) === undefined) insertItem.run('settings', SETTINGS_ID, seq);
      else moveItem.run(seq, 'settings', SETTINGS_ID);
      return settings;
    }),

    bulkGenerate: (options: BulkOptions) => bulkGenerate(db, options),
  };
}

const SETTINGS_ID = 'central';

export type ReferenceData = ReturnType<typeof referenceData>;
