import { describe, expect, it } from 'vitest';
import { hashOf, routeFromHash } from './route-hash.js';
import { DEFAULT_VIEW, withPaymentFilters } from '../workspace/view.js';

describe('screens in the address', () => {
  it('write a screen with its record and read it back', () => {
    expect(hashOf({ name: 'receipt', paymentId: '019a-1' })).toBe('#/receipt/019a-1');
    expect(routeFromHash('#/receipt/019a-1')).toEqual({ name: 'receipt', paymentId: '019a-1' });
    expect(routeFromHash(hashOf({ name: 'plan-new', consumerId: 'c 1' }))).toEqual({ name: 'plan-new', consumerId: 'c 1' });
    expect(routeFromHash('#/till')).toEqual({ name: 'till' });
  });

  it('keep the workspace with its filters, and without them when it has none yet', () => {
    const view = withPaymentFilters(DEFAULT_VIEW, { query: 'otieno', methods: ['cash'], statuses: ['posted'] });
    expect(routeFromHash(hashOf({ name: 'workspace', view }))).toEqual({ name: 'workspace', view });
    expect(routeFromHash(hashOf({ name: 'workspace' }))).toEqual({ name: 'workspace' });
  });

  it('open the dashboard for an address they cannot read', () => {
    for (const hash of ['', '#', '#/nowhere', '#/receipt', '#/receipt/%E0%A4%A', '#/constructor']) expect(routeFromHash(hash)).toEqual({ name: 'dashboard' });
  });
});
