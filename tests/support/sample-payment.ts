import type { PaymentDetails } from '../../core/api/calls/payments.js';

/** Recorded at 14:05 on 20 Apr 2026 on this machine's clock, so receipts read the same in any time zone. */
export const SAMPLE_RECORDED_AT = new Date(2026, 3, 20, 14, 5).toISOString();

/**
 * John Doe pays KES 145.50 in cash against one water bill, hands over
 * KES 150.00 and gets KES 4.50 back: receipt R-T01-5001.
 */
export function samplePayment(overrides: Partial<PaymentDetails> = {}): PaymentDetails {
  return {
    id: '01962f4e-8a00-7000-8000-000000005001',
    paymentNumber: 'PAY-2026-T01-000001',
    transactionNumber: 'TXN-2026-T01-000001',
    receiptNumber: 'R-T01-5001',
    status: 'posted',
    verification: 'verified',
    type: 'bill',
    channel: 'walk_in',
    channelLabel: 'Walk-in',
    method: 'cash',
    methodLabel: 'Cash',
    amount: 14550,
    amountReceived: 15000,
    change: 450,
    reference: null,
    cardLast4: null,
    bankName: null,
    notes: null,
    paymentDate: '2026-04-20',
    recordedAt: SAMPLE_RECORDED_AT,
    recordedBy: { id: '01962f4e-8a00-7000-8000-0000000000c1', name: 'Mary Wanjiku' },
    terminalCode: 'T01',
    consumer: {
      id: '01962f4e-8a00-7000-8000-000000010001',
      accountNumber: 'WU-10001',
      name: 'John Doe',
      serviceAddress: '12 Moi Avenue, Cityville',
      phone: '+254700000001',
      email: 'john.doe@example.com',
      status: 'active',
      type: 'residential',
    },
    allocations: [
      {
        kind: 'bill',
        itemId: '01962f4e-8a00-7000-8000-000000b01234',
        reference: 'INV-2025-001234',
        detail: 'Mar 2025',
        billed: 14550,
        openBefore: 14550,
        applied: 14550,
        openAfter: 0,
      },
    ],
    analysis: { billed: 14550, due: 14550, paid: 14550, difference: 0, outcome: 'exact' },
    appliedCreditNote: null,
    creditNotes: [],
    processing: { receivedBy: 'Mary Wanjiku', time: 'Immediate', verification: 'verified' },
    online: null,
    reversal: null,
    balanceAfter: 0,
    printCount: 0,
    ...overrides,
  };
}
