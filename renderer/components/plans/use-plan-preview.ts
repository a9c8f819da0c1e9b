import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { CallInput, CallOutput } from '../../../core/api/contract.js';
import type { Result } from '../../../core/api/errors.js';
import { call } from '../../api/client.js';

/** A pause in typing this long asks for the schedule again. */
const PREVIEW_DELAY_MS = 350;

export interface PlanPreview {
  /** The answer to the latest terms asked about; null before the first. */
  answer: Result<CallOutput<'plan-preview'>> | null;
  /** The terms on screen are newer than the answer shown. */
  pending: boolean;
}

/**
 * The exact schedule the terms would make, asked for once typing pauses. The
 * last answer stays on screen until the next arrives; a newer ask wins over a
 * slower older answer. Stores nothing.
 */
export function usePlanPreview(input: CallInput<'plan-preview'>): PlanPreview {
  const typed = JSON.stringify(input);
  const [key] = useDebouncedValue(typed, PREVIEW_DELAY_MS);
  const [answered, setAnswered] = useState<{ key: string; answer: PlanPreview['answer'] }>({ key: '', answer: null });

  useEffect(() => {
    let current = true;
    void call('plan-preview', JSON.parse(key) as CallInput<'plan-preview'>).then((answer) => {
      if (current) setAnswered({ key, answer });
    });
    return () => {
      current = false;
    };
  }, [key]);

  return { answer: answered.answer, pending: answered.key !== typed };
}
