import { Alert, Button, Group, NumberInput, Paper, Radio, Stack, Switch, Table, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ApiErrorData } from '../../core/api/errors.js';
import { cents, toDecimalText } from '../../core/money.js';
import type { CounterSettings } from '../../core/settings/settings.js';
import { call } from '../api/client.js';
import { useLoadedSettings, useSettings } from '../state/settings.js';

/**
 * Settings > payment modes, for an administrator: which methods the counter
 * takes and what they are called, the channels and which is the default, the
 * overpayment limit, how long credit notes last and the notes limit.
 */
export function PaymentModesScreen() {
  const settings = useLoadedSettings();
  const [methods, setMethods] = useState(settings.paymentMethods);
  const [channels, setChannels] = useState(settings.channels);
  const [overpaymentLimit, setOverpaymentLimit] = useState(toDecimalText(cents(settings.overpaymentLimit)));
  const [validity, setValidity] = useState<number | string>(settings.creditNoteValidityMonths);
  const [notesMaxLength, setNotesMaxLength] = useState<number | string>(settings.notesMaxLength);
  const [error, setError] = useState<ApiErrorData | null>(null);
  const [saving, setSaving] = useState(false);
  const fieldError = (field: string) => (error?.field === field || error?.field?.startsWith(`${field}.`) ? error.message : undefined);

  async function save() {
    setSaving(true);
    setError(null);
    const result = await call('settings-payment-modes-set', {
      paymentMethods: methods,
      channels,
      overpaymentLimit,
      creditNoteValidityMonths: Number(validity),
      notesMaxLength: Number(notesMaxLength),
    });
    setSaving(false);
    if (!result.ok) return setError(result.error);
    useSettings.setState({ settings: result.value as CounterSettings });
    notifications.show({ color: 'green', message: 'Payment modes saved. The counter uses them from the next payment.' });
  }

  return (
    <Stack gap="md" maw={900} mx="auto">
      <Title order={1} size="h3">
        Settings · Payment modes
      </Title>
      <Paper withBorder p="lg" component="section" aria-label="Payment methods">
        <Title order={2} size="h5" mb="sm">
          Payment methods
        </Title>
        <Table>
          <Table.Tbody>
            {methods.map((method, n) => (
              <Table.Tr key={method.code}>
                <Table.Td w={120}>
                  <Switch
                    label="Enabled"
                    aria-label={`${method.label} enabled`}
                    checked={method.enabled}
                    onChange={(e) => {
                      const enabled = e.currentTarget.checked;
                      setMethods(methods.map((m, i) => (i === n ? { ...m, enabled } : m)));
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput aria-label={`Label of ${method.code}`} value={method.label} onChange={(e) => {
                    const label = e.currentTarget.value;
                    setMethods(methods.map((m, i) => (i === n ? { ...m, label } : m)));
                  }} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {fieldError('paymentMethods') && (
          <Alert color="red" mt="sm" role="alert">
            {fieldError('paymentMethods')}
          </Alert>
        )}
      </Paper>
      <Paper withBorder p="lg" component="section" aria-label="Channels">
        <Title order={2} size="h5" mb="sm">
          Channels
        </Title>
        <Radio.Group value={channels.find((c) => c.isDefault)?.code ?? ''} onChange={(code) => setChannels(channels.map((c) => ({ ...c, isDefault: c.code === code })))} label="Default channel">
          <Stack gap="xs" mt="xs">
            {channels.map((channel, n) => (
              <Group key={n} wrap="nowrap">
                <Radio value={channel.code} aria-label={`${channel.label} is the default`} />
                <TextInput aria-label={`Label of channel ${channel.code}`} value={channel.label} onChange={(e) => {
                  const label = e.currentTarget.value;
                  setChannels(channels.map((c, i) => (i === n ? { ...c, label } : c)));
                }} />
              </Group>
            ))}
          </Stack>
        </Radio.Group>
        {fieldError('channels') && (
          <Alert color="red" mt="sm" role="alert">
            {fieldError('channels')}
          </Alert>
        )}
      </Paper>
      <Paper withBorder p="lg" component="section" aria-label="Limits">
        <Group grow align="flex-start">
          <TextInput label="Overpayment limit" description="The most a payment may exceed what it pays; the excess becomes a credit note" inputMode="decimal" value={overpaymentLimit} error={fieldError('overpaymentLimit')} onChange={(e) => setOverpaymentLimit(e.currentTarget.value)} />
          <NumberInput label="Credit note validity (months)" min={1} max={120} allowDecimal={false} value={validity} error={fieldError('creditNoteValidityMonths')} onChange={setValidity} />
          <NumberInput label="Notes limit (characters)" min={0} max={2000} allowDecimal={false} value={notesMaxLength} error={fieldError('notesMaxLength')} onChange={setNotesMaxLength} />
        </Group>
      </Paper>
      {error && !['paymentMethods', 'channels', 'overpaymentLimit', 'creditNoteValidityMonths', 'notesMaxLength'].some((f) => fieldError(f)) && (
        <Alert color="red" role="alert">
          {error.message}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button loading={saving} onClick={() => void save()}>
          Save payment modes
        </Button>
      </Group>
    </Stack>
  );
}
