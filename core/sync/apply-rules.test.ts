import { describe, expect, it } from 'vitest';
import { cents } from '../money.js';
import { DEFAULT_SETTINGS } from '../settings/settings.js';
import { chargeLine, checkMpesaConfirmation, onlinePaymentNumbers, onlinePaymentState, utcDay, withCentralSettings } from './apply-rules.js';

const paid = [{ billId: 'b-1', amount: 14550 }];

describe('an online payment from the centre', () => {
  it.each([
    ['pending', null, [], 'not_confirmed', null, 'pending', false],
    ['failed', null, [], 'failed', null, 'failed', false],
    ['succeeded', null, paid, 'in_settlement', 'in_progress', 'pending', true],
    ['succeeded', 'created', paid, 'in_settlement', 'in_progress', 'pending', true],
    ['succeeded', 'paid', paid, 'settled', 'success', 'posted', true],
    ['succeeded', 'failed', paid, 'in_settlement', 'failed', 'failed', true],
  ] as const)('gateway %s, settlement %s: webhook %s / settlement %s, payment %s, money moves: %s', (gatewayStatus, settlementStatus, allocations, webhook, settlement, status, moves) => {
    expect(onlinePaymentState({ gatewayStatus, settlementStatus, allocations: [...allocations] }, false)).toEqual({ webhook, settlement, status, moneyMovesNow: moves });
  });

  it('moves its money only the first time the gateway says succeeded', () => {
    expect(onlinePaymentState({ gatewayStatus: 'succeeded', settlementStatus: 'paid', allocations: paid }, true).moneyMovesNow).toBe(false);
  });

  it('moves no money while the centre has not allocated it to bills', () => {
    expect(onlinePaymentState({ gatewayStatus: 'succeeded', settlementStatus: null, allocations: [] }, false).moneyMovesNow).toBe(false);
  });

  it('takes its payment and transaction numbers from its receipt number, the same on every counter', () => {
    expect(onlinePaymentNumbers('R-ONL-000900')).toEqual({ paymentNumber: 'PAY-ONL-000900', transactionNumber: 'TXN-ONL-000900', receiptNumber: 'R-ONL-000900' });
    expect(onlinePaymentNumbers('WEB-2026-77')).toEqual({ paymentNumber: 'PAY-WEB-2026-77', transactionNumber: 'TXN-WEB-2026-77', receiptNumber: 'WEB-2026-77' });
  });
});

describe('an item the centre issued', () => {
  it('raises the balance by its amount on its issue day, written by the system', () => {
    expect(chargeLine('l-1', { consumerId: 'c-1', kind: 'bill', itemId: 'b-1', amount: 14550, description: 'Bill INV-1 (Mar 2025)', issuedOn: '2025-03-31' })).toEqual({
      id: 'l-1',
      consumerId: 'c-1',
      entryKind: 'charge',
      itemKind: 'bill',
      itemId: 'b-1',
      paymentId: null,
      amount: 14550,
      description: 'Bill INV-1 (Mar 2025)',
      createdAt: '2025-03-31T00:00:00.000Z',
      createdBy: 'system',
    });
  });

  it('reads a plan made late in a timezone ahead of UTC on its UTC day', () => {
    expect(utcDay('2026-03-20T22:30:00-03:00')).toBe('2026-03-21');
  });
});

describe('an M-PESA confirmation against the counter payment with its code', () => {
  const payment = { amount: cents(145000), accountNumber: 'WU-10001' };

  it('agrees when amount and account are the same, whatever the case and spaces the customer typed', () => {
    expect(checkMpesaConfirmation({ amount: cents(145000), accountNumber: ' wu-10001' }, payment, 'KES')).toEqual({ agrees: true });
  });

  it('names the amount when only the amount differs', () => {
    expect(checkMpesaConfirmation({ amount: cents(150000), accountNumber: 'WU-10001' }, payment, 'KES')).toEqual({
      agrees: false,
      differs: ['amount'],
      detail: 'M-PESA says KES 1,500.00 to WU-10001; the counter recorded KES 1,450.00 to WU-10001',
    });
  });

  it('names both when amount and account differ', () => {
    expect(checkMpesaConfirmation({ amount: cents(150000), accountNumber: 'WU-10002' }, payment, 'KES')).toEqual({
      agrees: false,
      differs: ['amount', 'account'],
      detail: 'M-PESA says KES 1,500.00 to WU-10002; the counter recorded KES 1,450.00 to WU-10001',
    });
  });
});

describe("the centre's settings", () => {
  it('replace payment modes, channels and limits and keep everything the counter owns', () => {
    const central = {
      paymentMethods: [{ code: 'cash' as const, label: 'Cash', enabled: true }],
      channels: [{ code: 'walk_in', label: 'Walk-in', isDefault: true }],
      overpaymentLimit: 100000,
      creditNoteValidityMonths: 6,
    };
    const counter = { ...DEFAULT_SETTINGS, terminalCode: 'T07', printer: { address: 'tcp://10.0.0.9:9100', paperWidth: 58 as const } };
    expect(withCentralSettings(counter, central)).toEqual({ ...counter, ...central });
  });
});
