import { Chip, Group, Text } from '@mantine/core';

/**
 * A filter that takes any number of its choices, as chips; none chosen means
 * all. A value chosen elsewhere that is not among the choices (a chart's
 * "online" channel, an address typed by hand) shows as a chip of its own, so
 * it can be seen and taken off.
 */
export function ChipFilter<V extends string>({ label, options, value, onChange }: { label: string; options: ReadonlyArray<{ value: V; label: string }>; value: V[]; onChange(value: V[]): void }) {
  const known = new Set(options.map((o) => o.value));
  const shown = [...options, ...value.filter((v) => !known.has(v)).map((v) => ({ value: v, label: v }))];
  return (
    <Group gap={6} role="group" aria-label={label} wrap="wrap">
      <Text size="xs" c="dimmed" fw={600} w={60}>
        {label}
      </Text>
      <Chip.Group multiple value={value} onChange={(next) => onChange(next as V[])}>
        {shown.map((option) => (
          <Chip key={option.value} value={option.value} size="xs" variant="outline">
            {option.label}
          </Chip>
        ))}
      </Chip.Group>
    </Group>
  );
}
