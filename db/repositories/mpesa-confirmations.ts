import { cents } from '../../core/money.js';
import type { MpesaConfirmation } from '../../core/ports.js';
import type { CounterDb } from '../connection.js';

/** A counter M-PESA payment still waiting for Safaricom's word. */
export interface PaymentAwaitingConfirmation {
  id: string;
  amount: number;
  accountNumber: string;
}

/** Confirmations the centre brought down, kept so a payment recorded after its confirmation is verified at once. */
export function mpesaConfirmationsRepository(db: CounterDb) {
  const insert = db.$client.prepare<[string, string, number, string, string]>(
    'insert into mpesa_confirmations (code, account_number, amount, confirmed_at, received_at) values (?, ?, ?, ?, ?) on conflict (code) do nothing',
  );
  const byCode = db.$client.prepare<[string], Omit<MpesaConfirmation, 'amount'> & { amount: number }>(
    'select code, account_number as accountNumber, amount, confirmed_at as confirmedAt, payment_id as paymentId from mpesa_confirmations where code = ?',
  );
  const link = db.$client.prepare<[string, string]>('update mpesa_confirmations set payment_id = ? where code = ? and payment_id is null');
  // A reversed or failed payment is past verifying; so is one a manager already verified.
  const awaiting = db.$client.prepare<[string], PaymentAwaitingConfirmation>(
    `select p.id, p.amount, c.account_number as accountNumber from payments p join consumers c on c.id = p.consumer_id
      where p.method = 'mpesa' and p.reference = ? and p.source = 'counter' and p.verification = 'pending' and p.status = 'posted'`,
  );

  return {
    /** Stores a confirmation; false when its code was stored before (a page delivered again). */
    keep(confirmation: Omit<MpesaConfirmation, 'paymentId'>, receivedAt: string): boolean {
      return insert.run(confirmation.code, confirmation.accountNumber, confirmation.amount, confirmation.confirmedAt, receivedAt).changes === 1;
    },
    byCode(code: string): MpesaConfirmation | undefined {
      const row = byCode.get(code);
      return row && { ...row, amount: cents(row.amount) };
    },
    linkPayment(code: string, paymentId: string): void {
      link.run(paymentId, code);
    },
    paymentAwaiting(code: string): PaymentAwaitingConfirmation | undefined {
      return awaiting.get(code);
    },
  };
}
