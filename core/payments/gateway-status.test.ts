import { describe, expect, it } from 'vitest';
import { onlineStatusAfterSettlement, onlineStatusOfPayment, paymentStatusOfOnline, processingTime } from './gateway-status.js';

describe('AC18: online gateway statuses, row for row as the spec maps them', () => {
  it.each([
    ['succeeded', 'in_settlement', 'in_progress'],
    ['failed', 'failed', null],
    ['pending', 'not_confirmed', null],
  ] as const)('payment %s -> webhook %s, settlement %s', (gateway, webhook, settlement) => {
    expect(onlineStatusOfPayment(gateway)).toEqual({ webhook, settlement });
  });

  it.each([
    ['created', 'in_settlement', 'in_progress'],
    ['paid', 'settled', 'success'],
  ] as const)('settlement %s -> webhook %s, settlement %s', (gatewaySettlement, webhook, settlement) => {
    expect(onlineStatusAfterSettlement(gatewaySettlement, { webhook: 'in_settlement', settlement: 'in_progress' })).toEqual({ webhook, settlement });
  });

  it('a failed settlement keeps the previous webhook status and marks the settlement failed', () => {
    expect(onlineStatusAfterSettlement('failed', { webhook: 'in_settlement', settlement: 'in_progress' })).toEqual({ webhook: 'in_settlement', settlement: 'failed' });
    expect(onlineStatusAfterSettlement('failed', { webhook: 'settled', settlement: 'success' })).toEqual({ webhook: 'settled', settlement: 'failed' });
  });

  it('an online payment counts as posted only once settled, and as failed when either side failed', () => {
    expect(paymentStatusOfOnline({ webhook: 'settled', settlement: 'success' })).toBe('posted');
    expect(paymentStatusOfOnline({ webhook: 'in_settlement', settlement: 'in_progress' })).toBe('pending');
    expect(paymentStatusOfOnline({ webhook: 'failed', settlement: null })).toBe('failed');
    expect(paymentStatusOfOnline({ webhook: 'in_settlement', settlement: 'failed' })).toBe('failed');
  });
});

describe('AC22: processing time', () => {
  it('is Immediate at the counter and days with one decimal online (2.3 days in the spec)', () => {
    expect(processingTime(true, '2025-04-20T10:00:00Z', null, '2025-04-20T10:00:00Z')).toBe('Immediate');
    expect(processingTime(false, '2025-04-20T00:00:00Z', '2025-04-22T07:12:00Z', '2025-05-01T00:00:00Z')).toBe('2.3 days');
    expect(processingTime(false, '2025-04-20T00:00:00Z', null, '2025-04-21T12:00:00Z')).toBe('1.5 days');
    expect(processingTime(false, '2025-04-20T00:00:00Z', null, '2025-04-21T12:00:00Z', true)).toBe('N/A');
  });
});
