import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { CallOutput } from '../../../core/api/contract.js';
import { call } from '../../api/client.js';
import { SEARCH_DEBOUNCE_MS } from './use-debounced-text.js';

type Hit = CallOutput<'consumer-search'>[number];
export type PickedConsumer = { id: string; name: string } | null;

/** Fewest characters typed before consumers are looked up. */
const MIN_TYPED = 2;

/** The Consumer filter: type part of a name or account number, pick from the matches. */
export function ConsumerPicker({ value, onChange }: { value: PickedConsumer; onChange(consumer: PickedConsumer): void }) {
  const [typed, setTyped] = useState(value?.name ?? '');
  const [debounced] = useDebouncedValue(typed.trim(), SEARCH_DEBOUNCE_MS);
  const [hits, setHits] = useState<Hit[]>([]);

  useEffect(() => {
    if (debounced.length < MIN_TYPED || debounced === value?.name) return;
    let current = true;
    void call('consumer-search', { query: debounced, limit: 10 }).then((result) => {
      if (current && result.ok) setHits(result.value);
    });
    return () => {
      current = false;
    };
  }, [debounced, value?.name]);

  const data = [...(value ? [{ value: value.id, label: value.name }] : []), ...hits.filter((h) => h.id !== value?.id).map((h) => ({ value: h.id, label: `${h.name} (${h.accountNumber})` }))];
  return (
    <Select
      label="Consumer"
      placeholder="Name or account number"
      w={220}
      searchable
      clearable
      data={data}
      value={value?.id ?? null}
      searchValue={typed}
      onSearchChange={setTyped}
      // The backend has matched already; the list is not filtered again here.
      filter={({ options }) => options}
      nothingFoundMessage={debounced.length < MIN_TYPED ? 'Type part of a name or account number' : 'No consumer matches'}
      onChange={(id, option) => onChange(id && option ? { id, name: option.label } : null)}
    />
  );
}
