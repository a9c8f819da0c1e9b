import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';

/** How long typing rests before a search box searches. */
export const SEARCH_DEBOUNCE_MS = 250;

/**
 * A text box whose value the view keeps: what is typed is handed on once
 * typing rests, and a value the view gets from elsewhere (Back, Clear
 * filters) replaces what the box shows.
 */
export function useDebouncedText(committed: string, commit: (text: string) => void): [string, (text: string) => void] {
  const [text, setText] = useState(committed);
  const [debounced] = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  const sent = useRef(committed);

  useEffect(() => {
    if (debounced === sent.current) return;
    sent.current = debounced;
    commit(debounced);
    // Only a rest in typing sends; a new `commit` function is no reason to send again.
  }, [debounced]);

  useEffect(() => {
    if (committed === sent.current) return;
    sent.current = committed;
    setText(committed);
  }, [committed]);

  return [text, setText];
}
