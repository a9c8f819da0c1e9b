import { useEffect, useState } from 'react';
import type { CallInput, CallName, CallOutput } from '../../core/api/contract.js';
import type { ApiErrorData } from '../../core/api/errors.js';
import { call } from '../api/client.js';

export type Loaded<T> = { status: 'loading' } | { status: 'ok'; value: T } | { status: 'error'; error: ApiErrorData };

/** Loads one call's answer for a screen; a newer input (or reload) wins over a slower older answer. */
export function useCall<N extends CallName>(name: N, input: CallInput<N>): Loaded<CallOutput<N>> & { reload(): void } {
  const [state, setState] = useState<Loaded<CallOutput<N>>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(input);

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    void call(name, JSON.parse(key) as CallInput<N>).then((result) => {
      if (current) setState(result.ok ? { status: 'ok', value: result.value } : { status: 'error', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [name, key, generation]);

  return { ...state, reload: () => setGeneration((g) => g + 1) };
}
