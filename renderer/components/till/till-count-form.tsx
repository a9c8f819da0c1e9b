import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { TillReport } from '../../../core/api/calls/tills.js';
import type { ApiErrorData } from '../../../core/api/errors.js';
import { call } from '../../api/client.js';
import { useFormat } from '../../hooks/use-format.js';
import type { CurrentTill } from '../../state/till.js';
import { readCounts, type CountTexts } from '../../tills/counts.js';
import { DenominationCount } from './denomination-count.js';

const FIELDS = ['cardTotal', 'mpesaTotal'];

/**
 * The count at the close: the drawer by denomination, the card terminal's
 * settlement total and the M-PESA statement's. When the count is blind the
 * form shows no expected amount; the cashier learns the variance only after
 * submitting.
 */
export function TillCountForm({ tillSessionId, rules, recount, expected, onCounted, onCancel }: { tillSessionId: string; rules: CurrentTill['rules']; recount: boolean; expected: TillReport | null; onCounted(report: TillReport): void; onCancel(): void }) {
  const { money } = useFormat();
  const [texts, setTexts] = useState<CountTexts>({});
  const [cardTotal, setCardTotal] = useState('');
  const [mpesaTotal, setMpesaTotal] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorData | null>(null);
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);
  // Shown only when the rules say the count is not blind, whatever this reader could see.
  const hint = (method: 'cash' | 'card' | 'mpesa') => {
    if (rules.blindCount || !expected) return undefined;
    const amount = method === 'cash' ? expected.cash.expected : (expected.methods.find((m) => m.method === method)?.net ?? 0);
    return amount === null ? undefined : `Expected ${money(amount)}`;
  };

  async function submit() {
    const read = readCounts(texts);
    if (read.unreadable) return setError({ code: 'VALIDATION', field: `counts.${read.unreadable}`, message: 'Enter how many pieces, a whole number' });
    setBusy(true);
    setError(null);
    const result = await call('till-count', { tillSessionId, counts: read.counts, cardTotal: cardTotal.trim() || '0', mpesaTotal: mpesaTotal.trim() || '0' });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    onCounted(result.value);
  }

  return (
    <form
      aria-labelledby="till-count-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void submit();
      }}
    >
      <Stack gap="md">
        <Title order={2} size="h4" id="till-count-title">
          {recount ? 'Recount the till' : 'Count the till'}
        </Title>
        <Text size="sm" c="dimmed">
          {rules.blindCount ? 'Count what is there. The expected amounts are shown once the count is submitted.' : 'Count what is there.'}
          {recount ? ' The earlier count is kept beside this one.' : ''}
        </Text>
        <DenominationCount caption="Cash by denomination" denominations={rules.denominations} texts={texts} onChange={setTexts} errorOf={(value) => fieldError(`counts.${value}`)} />
        {hint('cash') && <Text size="sm">{hint('cash')} in cash</Text>}
        <Group grow align="flex-start" maw={520}>
          <TextInput label="Card settlement total" description={hint('card') ?? 'From the card terminal’s settlement slip'} inputMode="decimal" autoComplete="off" placeholder="0.00" value={cardTotal} error={fieldError('cardTotal')} onChange={(e) => setCardTotal(e.currentTarget.value)} />
          <TextInput label="M-PESA statement total" description={hint('mpesa') ?? 'From the M-PESA statement'} inputMode="decimal" autoComplete="off" placeholder="0.00" value={mpesaTotal} error={fieldError('mpesaTotal')} onChange={(e) => setMpesaTotal(e.currentTarget.value)} />
        </Group>
        {error && !FIELDS.includes(error.field ?? '') && !error.field?.startsWith('counts.') && (
          <Alert color="red" title="The count was not recorded" role="alert">
            {error.message}
          </Alert>
        )}
        <Group>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" size="md" loading={busy}>
            Submit count
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
