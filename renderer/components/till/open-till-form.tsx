import { Alert, Button, Group, Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { v7 as uuidv7 } from 'uuid';
import type { ApiErrorData } from '../../../core/api/errors.js';
import { call } from '../../api/client.js';
import { useFormat } from '../../hooks/use-format.js';
import { useTill, type CurrentTill } from '../../state/till.js';
import { readCounts, type CountTexts } from '../../tills/counts.js';
import { DenominationCount } from './denomination-count.js';

type Mode = 'count' | 'total';

/**
 * Opening a till: the float in the drawer, counted by denomination or entered
 * as a total. The id is made once for the form, so a double click opens one till.
 */
export function OpenTillForm({ rules }: { rules: CurrentTill['rules'] }) {
  const { money } = useFormat();
  const [id] = useState(() => uuidv7());
  const [mode, setMode] = useState<Mode>('count');
  const [texts, setTexts] = useState<CountTexts>({});
  const [total, setTotal] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorData | null>(null);
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);
  const onAField = error?.field === 'openingFloat' || error?.field?.startsWith('counts.');

  async function open() {
    const read = readCounts(texts);
    if (mode === 'count' && read.unreadable) {
      return setError({ code: 'VALIDATION', field: `counts.${read.unreadable}`, message: 'Enter how many pieces, a whole number' });
    }
    setBusy(true);
    setError(null);
    const result = await call('till-open', mode === 'count' ? { id, counts: read.counts } : { id, openingFloat: total });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    notifications.show({ color: 'green', title: `Till ${result.value.number} is open`, message: `Opening float ${money(result.value.openingFloat)}.` });
    await useTill.getState().refresh();
  }

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="open-till-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void open();
        }}
      >
        <Stack gap="md">
          <Title order={2} size="h4" id="open-till-title">
            Open a till
          </Title>
          <Text size="sm" c="dimmed">
            Count the float in the drawer before taking the first payment. The till is yours, on this terminal, for today.
          </Text>
          <SegmentedControl
            aria-label="How the float is entered"
            w="fit-content"
            value={mode}
            onChange={(value) => {
              setMode(value as Mode);
              setError(null);
            }}
            data={[
              { value: 'count', label: 'Count by denomination' },
              { value: 'total', label: 'Enter a total' },
            ]}
          />
          {mode === 'count' ? (
            <DenominationCount caption="Opening float by denomination" denominations={rules.denominations} texts={texts} onChange={setTexts} errorOf={(value) => fieldError(`counts.${value}`)} />
          ) : (
            <TextInput label="Opening float" description="The cash in the drawer, like 5000.00" inputMode="decimal" autoComplete="off" maw={260} data-autofocus value={total} error={fieldError('openingFloat')} onChange={(e) => setTotal(e.currentTarget.value)} />
          )}
          {mode === 'count' && fieldError('openingFloat') && (
            <Text c="red" size="sm" role="alert">
              {fieldError('openingFloat')}
            </Text>
          )}
          {error && !onAField && (
            <Alert color="red" title="The till was not opened" role="alert">
              {error.message}
            </Alert>
          )}
          <Group>
            <Button type="submit" size="md" loading={busy}>
              Open till
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
