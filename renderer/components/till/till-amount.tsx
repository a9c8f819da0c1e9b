import { Text } from '@mantine/core';
import { useFormat } from '../../hooks/use-format.js';
import { HIDDEN_UNTIL_COUNT } from '../../tills/words.js';

/** An amount of a till report; null is one the blind count withholds until the drawer is counted. */
export function TillAmount({ amount }: { amount: number | null }) {
  const { money } = useFormat();
  if (amount === null) {
    return (
      <Text span c="dimmed" fs="italic" inherit>
        {HIDDEN_UNTIL_COUNT}
      </Text>
    );
  }
  return <>{money(amount)}</>;
}
