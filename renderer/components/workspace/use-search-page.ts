import { useEffect, useState } from 'react';
import type { CallInput, CallOutput } from '../../../core/api/contract.js';
import type { ApiErrorData } from '../../../core/api/errors.js';
import { call } from '../../api/client.js';

type SearchCall = 'payments-search' | 'credit-notes-search';

export interface SearchPage<N extends SearchCall> {
  /** The latest answer; kept while the next one is on its way, so the table does not jump. */
  page: CallOutput<N> | null;
  /** The search `page` answers, which is not yet the one asked while the next page is on its way. */
  asked: CallInput<N> | null;
  loading: boolean;
  error: ApiErrorData | null;
  reload(): void;
}

/** One page of a tab for the search as it stands; null input (a filter to correct) asks nothing and shows nothing. A newer search wins over a slower older one. */
export function useSearchPage<N extends SearchCall>(name: N, input: CallInput<N> | null): SearchPage<N> {
  const [answer, setAnswer] = useState<{ asked: CallInput<N>; page: CallOutput<N> } | null>(null);
  const [loading, setLoading] = useState(input !== null);
  const [error, setError] = useState<ApiErrorData | null>(null);
  const [generation, setGeneration] = useState(0);
  const key = input === null ? null : JSON.stringify(input);

  useEffect(() => {
    if (key === null) {
      setLoading(false);
      setAnswer(null);
      return;
    }
    let current = true;
    setLoading(true);
    const asked = JSON.parse(key) as CallInput<N>;
    void call(name, asked).then((result) => {
      if (!current) return;
      setLoading(false);
      setError(result.ok ? null : result.error);
      setAnswer(result.ok ? { asked, page: result.value } : null);
    });
    return () => {
      current = false;
    };
  }, [name, key, generation]);

  return { page: answer?.page ?? null, asked: answer?.asked ?? null, loading, error, reload: () => setGeneration((g) => g + 1) };
}
