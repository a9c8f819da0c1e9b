import { Alert, Button, Group, Paper, Stack, Switch, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ApiErrorData } from '../../core/api/errors.js';
import { cents, toDecimalText } from '../../core/money.js';
import type { CounterSettings } from '../../core/settings/settings.js';
import { call } from '../api/client.js';
import { DenominationsEditor, type DenominationRow } from '../components/till/denominations-editor.js';
import { useLoadedSettings, useSettings } from '../state/settings.js';
import { faceValue } from '../tills/words.js';

const FIELDS = ['denominations', 'blindCount', 'varianceTolerance', 'cashMovementApprovalAbove'];

/**
 * Settings > Tills, for an administrator: the drawer's notes and coins,
 * whether the count is blind, the variance a cashier may close with alone,
 * and the cash in/out above which a branch manager approves.
 */
export function TillSettingsScreen() {
  const { tills } = useLoadedSettings();
  const [rows, setRows] = useState<DenominationRow[]>(() => tills.denominations.map((d) => ({ value: faceValue(d.value), kind: d.kind })));
  const [blindCount, setBlindCount] = useState(tills.blindCount);
  const [tolerance, setTolerance] = useState(toDecimalText(cents(tills.varianceTolerance)));
  const [approvalAbove, setApprovalAbove] = useState(toDecimalText(cents(tills.cashMovementApprovalAbove)));
  const [error, setError] = useState<ApiErrorData | null>(null);
  const [saving, setSaving] = useState(false);
  const fieldError = (field: string) => (error?.field === field || error?.field?.startsWith(`${field}.`) ? error.message : undefined);

  async function save() {
    setSaving(true);
    setError(null);
    const result = await call('settings-tills-set', { denominations: rows, blindCount, varianceTolerance: tolerance, cashMovementApprovalAbove: approvalAbove });
    setSaving(false);
    if (!result.ok) return setError(result.error);
    useSettings.setState({ settings: result.value as CounterSettings });
    notifications.show({ color: 'green', message: 'Till settings saved. Tills opened from now on count with them.' });
  }

  return (
    <Stack gap="md" maw={900} mx="auto">
      <Title order={1} size="h3">
        Settings · Tills
      </Title>
      <Paper withBorder p="lg" component="section" aria-labelledby="till-denominations-title">
        <Title order={2} size="h5" mb="sm" id="till-denominations-title">
          Notes and coins
        </Title>
        <DenominationsEditor rows={rows} onChange={setRows} error={fieldError('denominations')} />
      </Paper>
      <Paper withBorder p="lg" component="section" aria-labelledby="till-count-rules-title">
        <Title order={2} size="h5" mb="sm" id="till-count-rules-title">
          Count and approvals
        </Title>
        <Stack gap="md">
          <Switch label="Blind count" description="The cashier sees the expected amounts only after submitting the count" checked={blindCount} onChange={(e) => setBlindCount(e.currentTarget.checked)} />
          <Group grow align="flex-start">
            <TextInput label="Variance tolerance" description="The shortage or overage a cashier may close with alone, per method" inputMode="decimal" value={tolerance} error={fieldError('varianceTolerance')} onChange={(e) => setTolerance(e.currentTarget.value)} />
            <TextInput label="Cash in/out approval limit" description="A cash in or out above this needs a branch manager's approval" inputMode="decimal" value={approvalAbove} error={fieldError('cashMovementApprovalAbove')} onChange={(e) => setApprovalAbove(e.currentTarget.value)} />
          </Group>
        </Stack>
      </Paper>
      {error && !FIELDS.some((f) => fieldError(f)) && (
        <Alert color="red" role="alert">
          {error.message}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button loading={saving} onClick={() => void save()}>
          Save till settings
        </Button>
      </Group>
    </Stack>
  );
}
