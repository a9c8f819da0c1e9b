import type { CreditNoteDetails } from '../../core/api/calls/credit-notes.js';
import { SAMPLE_RECORDED_AT } from './sample-payment.js';

/** The spec's sample: CN-46129, KES 4.50 of overpayment on John Doe's receipt, a third of it used. */
export function sampleCreditNote(overrides: Partial<CreditNoteDetails> = {}): CreditNoteDetails {
  return {
    id: '01962f4e-8a00-7000-8000-00000000c001',
    number: 'CN-46129',
    status: 'active',
    statusLabel: 'Active',
    consumer: { id: '01962f4e-8a00-7000-8000-000000010001', name: 'John Doe', accountNumber: 'WU-10001' },
    createdAt: SAMPLE_RECORDED_AT,
    issuedOn: '2026-04-20',
    expiresOn: '2027-04-20',
    amount: 450,
    applied: 150,
    remaining: 300,
    usagePercentage: '33.3',
    reason: 'overpayment',
    reasonLabel: 'Overpayment',
    remarks: null,
    createdBy: 'Jane Smith',
    approvedBy: null,
    linkedPayment: { id: '01962f4e-8a00-7000-8000-000000005001', receiptNumber: 'R-5001' },
    applications: [],
    ...overrides,
  };
}
