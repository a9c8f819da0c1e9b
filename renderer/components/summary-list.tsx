import { Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export type SummaryRow = [label: string, value: ReactNode];

/** Label and value pairs, as a description list; a row whose value is null is left out. */
export function SummaryList({ rows }: { rows: Array<SummaryRow | null> }) {
  return (
    <Stack component="dl" gap={6} m={0}>
      {rows
        .filter((row): row is SummaryRow => row !== null && row[1] !== null && row[1] !== undefined)
        .map(([label, value]) => (
          <Group key={label} justify="space-between" align="flex-start" wrap="nowrap" gap="md">
            <Text component="dt" size="sm" c="dimmed">
              {label}
            </Text>
            <Text component="dd" m={0} size="sm" fw={500} ta="right">
              {value}
            </Text>
          </Group>
        ))}
    </Stack>
  );
}
