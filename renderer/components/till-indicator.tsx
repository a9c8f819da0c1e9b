import { Button } from '@mantine/core';
import { go } from '../state/router.js';
import { useTill, useTillLoading } from '../state/till.js';

/**
 * The header's word on the user's own till ("Till TS-T01-00001 · open",
 * "No till open", "waiting for approval"); pressing it opens the till screen.
 */
export function TillIndicator() {
  useTillLoading();
  const current = useTill((s) => s.current);
  const failed = useTill((s) => s.error !== null);
  const open = () => go({ name: 'till' });
  const till = current?.till;

  if (!current) {
    return (
      <Button variant="light" color={failed ? 'red' : 'gray'} size="xs" onClick={open}>
        {failed ? 'Till status unknown' : 'Till …'}
      </Button>
    );
  }
  if (!till) {
    return (
      <Button variant="light" color="orange" size="xs" onClick={open} title="Open the till screen">
        No till open
      </Button>
    );
  }
  return (
    <Button variant="light" color={till.status === 'open' ? 'green' : 'orange'} size="xs" onClick={open} title="Open the till screen">
      Till {till.number} · {till.status === 'open' ? 'open' : 'waiting for approval'}
    </Button>
  );
}
