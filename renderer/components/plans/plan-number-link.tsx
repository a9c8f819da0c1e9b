import { Anchor } from '@mantine/core';
import { go } from '../../state/router.js';

/** A plan's number in a table: it opens the plan. */
export function PlanNumberLink({ planId, number }: { planId: string; number: string }) {
  return (
    <Anchor component="button" type="button" ff="monospace" onClick={() => go({ name: 'plan', planId })}>
      {number}
    </Anchor>
  );
}
