import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useId } from 'react';

/** A short list of choices (payment type, method) as a labelled radio group; arrows move between them. */
export function ChoiceField<T extends string>({ label, value, data, error, onChange }: { label: string; value: T; data: Array<{ value: T; label: string }>; error?: string | undefined; onChange(value: T): void }) {
  const id = useId();
  return (
    <Stack gap={4}>
      <Text id={`${id}-label`} size="sm" fw={500}>
        {label}
      </Text>
      <SegmentedControl
        aria-labelledby={`${id}-label`}
        aria-describedby={error ? `${id}-error` : undefined}
        aria-invalid={error ? true : undefined}
        value={value}
        data={data}
        onChange={(next) => onChange(next as T)}
      />
      {error && (
        <Text id={`${id}-error`} c="red" size="xs">
          {error}
        </Text>
      )}
    </Stack>
  );
}
