import { Group, NavLink, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { CallOutput } from '../../core/api/contract.js';
import type { ApiErrorData } from '../../core/api/errors.js';
import { call } from '../api/client.js';
import { useFormat } from '../hooks/use-format.js';
import { ConsumerStatusBadge } from './status-badges.js';

type Hit = CallOutput<'consumer-search'>[number];
interface Results {
  query: string;
  hits: Hit[];
}

const LIST_ID = 'consumer-search-results';
const optionId = (hit: Hit) => `consumer-option-${hit.id}`;

/**
 * Search as you type, by name or account number. The first match is already
 * highlighted, so typing and Enter opens it; arrows move. An Enter pressed
 * before the answer for what was typed has come (a scanner is that fast) opens
 * the first match once it arrives, never a match for an older query.
 */
export function ConsumerSearch({ onOpen }: { onOpen: (consumerId: string) => void }) {
  const { money } = useFormat();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const [results, setResults] = useState<Results | null>(null);
  const [error, setError] = useState<ApiErrorData | null>(null);
  const [active, setActive] = useState(0);
  const [enterPending, setEnterPending] = useState(false);

  useEffect(() => {
    if (!debounced) {
      setResults(null);
      return;
    }
    let current = true;
    void call('consumer-search', { query: debounced, limit: 20 }).then((result) => {
      if (!current) return;
      setError(result.ok ? null : result.error);
      if (result.ok) {
        setResults({ query: debounced, hits: result.value });
        setActive(0);
      }
    });
    return () => {
      current = false;
    };
  }, [debounced]);

  const fresh = results !== null && results.query === query.trim();
  const hits = query.trim() && results ? results.hits : [];

  useEffect(() => {
    if (enterPending && fresh) {
      setEnterPending(false);
      if (hits[0]) onOpen(hits[0].id);
    }
  }, [enterPending, fresh, hits, onOpen]);

  const activeHit = hits[active];
  useEffect(() => {
    if (activeHit) document.getElementById(optionId(activeHit))?.scrollIntoView({ block: 'nearest' });
  }, [activeHit]);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (hits.length > 0) setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = hits[active];
      if (fresh && hit) onOpen(hit.id);
      else if (query.trim()) setEnterPending(true);
    } else if (event.key === 'Escape') {
      setQuery('');
    }
  }

  return (
    <Stack gap="xs">
      <TextInput
        label="Find a consumer"
        description="Name or account number, e.g. doe or WU-10001"
        size="md"
        autoFocus
        autoComplete="off"
        spellCheck={false}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={hits.length > 0}
        aria-controls={LIST_ID}
        aria-activedescendant={activeHit ? optionId(activeHit) : undefined}
        value={query}
        error={error?.message}
        maxLength={60}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          setEnterPending(false);
        }}
        onKeyDown={onKeyDown}
      />
      {fresh && hits.length === 0 && (
        <Text c="dimmed" size="sm" role="status">
          No consumer matches “{query.trim()}”.
        </Text>
      )}
      {hits.length > 0 && (
        <Paper withBorder role="listbox" id={LIST_ID} aria-label="Matching consumers" mah={420} style={{ overflowY: 'auto', opacity: fresh ? 1 : 0.6 }}>
          {hits.map((hit, index) => (
            <NavLink
              key={hit.id}
              component="button"
              type="button"
              id={optionId(hit)}
              role="option"
              aria-selected={index === active}
              tabIndex={-1}
              active={index === active}
              onMouseDown={(event: MouseEvent) => event.preventDefault()}
              onClick={() => onOpen(hit.id)}
              label={
                <Group gap="xs" component="span">
                  <Text span fw={600}>
                    {hit.name}
                  </Text>
                  <Text span ff="monospace" size="sm">
                    {hit.accountNumber}
                  </Text>
                  <ConsumerStatusBadge status={hit.status} />
                </Group>
              }
              description={hit.serviceAddress}
              rightSection={
                <Text span fw={500} ff="monospace" c="var(--mantine-color-text)">
                  {money(hit.balance)}
                </Text>
              }
            />
          ))}
        </Paper>
      )}
    </Stack>
  );
}
