import { Alert, Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ApiErrorData } from '../../core/api/errors.js';
import { cents, toDecimalText } from '../../core/money.js';
import type { PlanRules } from '../../core/plans/plan.js';
import { call } from '../api/client.js';
import { useLoadedSettings, useSettings } from '../state/settings.js';

type Counts = 'graceDays' | 'missedAllowed' | 'approvalAboveInstallments' | 'maxInstallments';
const FIELDS = ['graceDays', 'missedAllowed', 'approvalAboveAmount', 'approvalAboveInstallments', 'maxInstallments', 'downPaymentAs'];

/** A whole number as typed, or NaN for the backend to refuse in its own words. */
const countOf = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

/**
 * Settings > Payment plans, for an administrator: when a late installment
 * breaks a plan, which plans a branch manager approves, the most
 * installments a plan may have, and how a down payment is numbered.
 */
export function PlanSettingsScreen() {
  const { plans } = useLoadedSettings();
  const [counts, setCounts] = useState<Record<Counts, string>>(() => ({
    graceDays: String(plans.graceDays),
    missedAllowed: String(plans.missedAllowed),
    approvalAboveInstallments: String(plans.approvalAboveInstallments),
    maxInstallments: String(plans.maxInstallments),
  }));
  const [approvalAboveAmount, setApprovalAboveAmount] = useState(toDecimalText(cents(plans.approvalAboveAmount)));
  const [downPaymentAs, setDownPaymentAs] = useState<PlanRules['downPaymentAs']>(plans.downPaymentAs);
  const [error, setError] = useState<ApiErrorData | null>(null);
  const [saving, setSaving] = useState(false);
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);
  const count = (field: Counts, label: string, description: string) => (
    <TextInput label={label} description={description} inputMode="numeric" autoComplete="off" value={counts[field]} error={fieldError(field)} onChange={(e) => setCounts({ ...counts, [field]: e.currentTarget.value })} />
  );

  async function save() {
    setSaving(true);
    setError(null);
    const result = await call('settings-plans-set', {
      graceDays: countOf(counts.graceDays),
      missedAllowed: countOf(counts.missedAllowed),
      approvalAboveAmount,
      approvalAboveInstallments: countOf(counts.approvalAboveInstallments),
      maxInstallments: countOf(counts.maxInstallments),
      downPaymentAs,
    });
    setSaving(false);
    if (!result.ok) return setError(result.error);
    await useSettings.getState().load();
    notifications.show({ color: 'green', message: 'Payment plan settings saved. Compliance and approvals follow them from now on.' });
  }

  return (
    <Stack gap="md" maw={900} mx="auto">
      <Title order={1} size="h3">
        Settings · Payment plans
      </Title>
      <Paper withBorder p="lg" component="section" aria-labelledby="plan-compliance-title">
        <Title order={2} size="h5" mb="sm" id="plan-compliance-title">
          Compliance
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {count('graceDays', 'Grace days', 'Days after a due date before an unpaid installment breaks the plan')}
          {count('missedAllowed', 'Missed installments allowed', 'Installments past due (within grace) at once before the plan breaks')}
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="lg" component="section" aria-labelledby="plan-limits-title">
        <Title order={2} size="h5" mb="sm" id="plan-limits-title">
          Approval and limits
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Approval above amount" description="A plan covering more needs a branch manager's approval" inputMode="decimal" autoComplete="off" value={approvalAboveAmount} error={fieldError('approvalAboveAmount')} onChange={(e) => setApprovalAboveAmount(e.currentTarget.value)} />
          {count('approvalAboveInstallments', 'Approval above installments', "A plan of more installments needs a branch manager's approval")}
          {count('maxInstallments', 'Most installments', 'No plan may have more')}
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="lg" component="section" aria-labelledby="plan-down-payment-title">
        <Title order={2} size="h5" mb="sm" id="plan-down-payment-title">
          Down payment
        </Title>
        <Stack gap={4}>
          <Text size="sm" id="down-payment-as-label">
            A down payment is numbered as
          </Text>
          <SegmentedControl
            aria-labelledby="down-payment-as-label"
            w="fit-content"
            value={downPaymentAs}
            onChange={(value) => setDownPaymentAs(value as PlanRules['downPaymentAs'])}
            data={[
              { value: 'installment_zero', label: 'Installment 0' },
              { value: 'first_installment', label: 'The first installment' },
            ]}
          />
          {fieldError('downPaymentAs') && (
            <Text c="red" size="xs">
              {fieldError('downPaymentAs')}
            </Text>
          )}
        </Stack>
      </Paper>
      {error && !FIELDS.includes(error.field ?? '') && (
        <Alert color="red" role="alert">
          {error.message}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button loading={saving} onClick={() => void save()}>
          Save plan settings
        </Button>
      </Group>
    </Stack>
  );
}
