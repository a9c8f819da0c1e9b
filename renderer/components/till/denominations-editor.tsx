import { Button, Group, NativeSelect, Stack, Table, TextInput } from '@mantine/core';

export interface DenominationRow {
  /** Face value as typed, in shillings ("1000", "0.50"). */
  value: string;
  kind: 'note' | 'coin';
}

/** Settings > Tills: the notes and coins the drawer takes, one row each, added and removed by the administrator. */
export function DenominationsEditor({ rows, onChange, error }: { rows: DenominationRow[]; onChange(next: DenominationRow[]): void; error?: string | undefined }) {
  const change = (n: number, patch: Partial<DenominationRow>) => onChange(rows.map((row, i) => (i === n ? { ...row, ...patch } : row)));
  return (
    <Stack gap="xs">
      <Table aria-label="Denominations" verticalSpacing={4} maw={520}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Face value</Table.Th>
            <Table.Th>Note or coin</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, n) => (
            <Table.Tr key={n}>
              <Table.Td>
                <TextInput aria-label={`Face value of denomination ${n + 1}`} inputMode="decimal" autoComplete="off" value={row.value} onChange={(e) => change(n, { value: e.currentTarget.value })} />
              </Table.Td>
              <Table.Td>
                <NativeSelect
                  aria-label={`Note or coin, denomination ${n + 1}`}
                  value={row.kind}
                  data={[
                    { value: 'note', label: 'Note' },
                    { value: 'coin', label: 'Coin' },
                  ]}
                  onChange={(e) => change(n, { kind: e.currentTarget.value as DenominationRow['kind'] })}
                />
              </Table.Td>
              <Table.Td>
                <Button variant="subtle" color="red" size="xs" aria-label={`Remove denomination ${n + 1}${row.value ? ` (${row.value})` : ''}`} disabled={rows.length === 1} onClick={() => onChange(rows.filter((_, i) => i !== n))}>
                  Remove
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {error && (
        <Group c="red" fz="sm" role="alert">
          {error}
        </Group>
      )}
      <Group>
        <Button variant="default" size="xs" onClick={() => onChange([...rows, { value: '', kind: 'coin' }])}>
          Add denomination
        </Button>
      </Group>
    </Stack>
  );
}
