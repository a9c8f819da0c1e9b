import { Group, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { PLAN_FREQUENCIES, type PlanFrequency } from '../../../core/plans/plan.js';
import type { DownPaymentMode, PlanTermsDraft } from '../../plans/terms.js';
import { FREQUENCY_LABELS } from '../../plans/words.js';
import { ChoiceField } from '../payment/choice-field.js';

type FieldErrors = Partial<Record<keyof PlanTermsDraft, string>>;

/** Down payment, number of installments, how often, and the first due date, as the customer agrees them. */
export function PlanTermsFields({ draft, errors, today, onChange }: { draft: PlanTermsDraft; errors: FieldErrors; today: string; onChange(patch: Partial<PlanTermsDraft>): void }) {
  const percent = draft.downPaymentMode === 'percent';
  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm">
        <TextInput
          label="Down payment"
          description={percent ? 'A percentage of the arrears, like 20; empty for none' : 'An amount, like 1500.00; empty for none'}
          inputMode="decimal"
          autoComplete="off"
          w={260}
          rightSection={percent ? '%' : undefined}
          value={draft.downPayment}
          error={errors.downPayment}
          onChange={(e) => onChange({ downPayment: e.currentTarget.value })}
        />
        <SegmentedControl
          aria-label="Down payment as"
          mb={errors.downPayment ? 24 : 0}
          value={draft.downPaymentMode}
          onChange={(mode) => onChange({ downPaymentMode: mode as DownPaymentMode })}
          data={[
            { value: 'amount', label: 'Amount' },
            { value: 'percent', label: 'Percentage' },
          ]}
        />
      </Group>
      <Group align="flex-start" grow>
        <TextInput
          label="Number of installments"
          description="Not counting the down payment"
          inputMode="numeric"
          autoComplete="off"
          value={draft.installments}
          error={errors.installments}
          onChange={(e) => onChange({ installments: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label="First due date"
          description="The first installment after the down payment"
          min={today}
          value={draft.firstDueOn}
          error={errors.firstDueOn}
          onChange={(e) => onChange({ firstDueOn: e.currentTarget.value })}
        />
      </Group>
      <ChoiceField<PlanFrequency>
        label="Frequency"
        value={draft.frequency}
        data={PLAN_FREQUENCIES.map((f) => ({ value: f, label: FREQUENCY_LABELS[f] }))}
        error={errors.frequency}
        onChange={(frequency) => onChange({ frequency })}
      />
    </Stack>
  );
}
