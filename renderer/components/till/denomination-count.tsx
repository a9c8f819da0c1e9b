import { Table, Text, TextInput } from '@mantine/core';
import type { CurrentTill } from '../../state/till.js';
import { useFormat } from '../../hooks/use-format.js';
import { countsTotal, type CountTexts } from '../../tills/counts.js';
import { countLabel, faceValue } from '../../tills/words.js';

type Denomination = CurrentTill['rules']['denominations'][number];

/**
 * The drawer counted note by note and coin by coin, largest first, with what
 * each line comes to and the running total. An error names its denomination
 * (`counts.<cents>`) and shows on that line.
 */
export function DenominationCount({ denominations, texts, onChange, errorOf, caption }: { denominations: readonly Denomination[]; texts: CountTexts; onChange(next: CountTexts): void; errorOf(valueCents: number): string | undefined; caption: string }) {
  const { money } = useFormat();
  const rows = [...denominations].sort((a, b) => b.value - a.value);
  const lineTotal = (d: Denomination) => {
    const pieces = Number((texts[String(d.value)] ?? '').trim());
    return Number.isInteger(pieces) && pieces >= 0 ? money(d.value * pieces) : '—';
  };

  return (
    <Table aria-label={caption} verticalSpacing={4} maw={520}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Denomination</Table.Th>
          <Table.Th w={160}>Count</Table.Th>
          <Table.Th ta="right">Amount</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((d, n) => (
          <Table.Tr key={d.value}>
            <Table.Td>
              {faceValue(d.value)}{' '}
              <Text span c="dimmed" size="sm">
                {d.kind}
              </Text>
            </Table.Td>
            <Table.Td>
              <TextInput
                aria-label={countLabel(d)}
                autoFocus={n === 0}
                inputMode="numeric"
                autoComplete="off"
                placeholder="0"
                value={texts[String(d.value)] ?? ''}
                error={errorOf(d.value)}
                onChange={(e) => onChange({ ...texts, [String(d.value)]: e.currentTarget.value })}
              />
            </Table.Td>
            <Table.Td ta="right" ff="monospace">
              {lineTotal(d)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th colSpan={2}>Total counted</Table.Th>
          <Table.Th ta="right" ff="monospace" aria-live="polite" data-testid="counted-total">
            {money(countsTotal(texts))}
          </Table.Th>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}
