import { Group, Text, TextInput } from '@mantine/core';
import { parseAmount } from '../../../core/money.js';
import { useFormat } from '../../hooks/use-format.js';

interface AmountFieldsProps {
  cash: boolean;
  amountPaid: string;
  amountReceived: string;
  errors: { amountPaid?: string | undefined; amountReceived?: string | undefined };
  onChange(patch: { amountPaid?: string; amountReceived?: string }): void;
}

/** Amount paid and, for cash, amount received with the change worked out as the cashier types. */
export function AmountFields({ cash, amountPaid, amountReceived, errors, onChange }: AmountFieldsProps) {
  const { money, currency } = useFormat();
  const paid = parseAmount(amountPaid);
  const received = parseAmount(amountReceived);
  const difference = paid.ok && received.ok ? received.value - paid.value : null;
  const currencySection = (
    <Text size="xs" c="dimmed">
      {currency}
    </Text>
  );

  return (
    <Group grow align="flex-start">
      <TextInput
        id="amount-paid"
        label="Amount paid"
        inputMode="decimal"
        autoComplete="off"
        leftSection={currencySection}
        value={amountPaid}
        error={errors.amountPaid}
        onChange={(e) => onChange({ amountPaid: e.currentTarget.value })}
      />
      {cash && (
        <div>
          <TextInput
            id="amount-received"
            label="Amount received"
            inputMode="decimal"
            autoComplete="off"
            leftSection={currencySection}
            value={amountReceived}
            error={errors.amountReceived}
            onChange={(e) => onChange({ amountReceived: e.currentTarget.value })}
          />
          <Text role="status" aria-live="polite" mt={4} size="lg" fw={700} ff="monospace" c={difference !== null && difference < 0 ? 'red' : undefined}>
            {difference === null ? '' : difference >= 0 ? `Change: ${money(difference)}` : `Short by ${money(-difference)}`}
          </Text>
        </div>
      )}
    </Group>
  );
}
