import { useEffect, useState } from 'react';
import { call } from '../../api/client.js';
import { paymentsCount, type PaymentsCount, type PaymentsSearch } from '../../workspace/search-input.js';

export interface PaymentsTotal {
  /** Every match of the page's search, or null until it is counted (or when counting failed). */
  total: number | null;
  counting: boolean;
}

/**
 * The total of a page of payments. A page the search left uncounted is
 * counted next with payments-count; the count is kept for its criteria, so
 * another page or order of the same search shows it without counting again.
 * A newer search wins over a slower older count; a failed count leaves the
 * total unknown and the table as it is.
 */
export function usePaymentsTotal(page: { total: number | null } | null, asked: PaymentsSearch | null): PaymentsTotal {
  // The last count made, by its criteria; total null when it failed.
  const [counted, setCounted] = useState<{ key: string; total: number | null } | null>(null);
  const key = page !== null && page.total === null && asked !== null ? JSON.stringify(paymentsCount(asked)) : null;
  const known = key !== null && counted?.key === key;

  useEffect(() => {
    if (key === null || known) return;
    let current = true;
    void call('payments-count', JSON.parse(key) as PaymentsCount).then((result) => {
      if (current) setCounted({ key, total: result.ok ? result.value.total : null });
    });
    return () => {
      current = false;
    };
  }, [key, known]);

  if (page === null) return { total: null, counting: false };
  if (page.total !== null) return { total: page.total, counting: false };
  return { total: known ? counted.total : null, counting: !known };
}
