import { Button, Divider, Kbd, Paper, Stack, Text } from '@mantine/core';
import { draftOutcome, selectedItems, type Account, type PaymentDraft } from '../../payments/draft.js';
import { useFormat } from '../../hooks/use-format.js';
import { useLoadedSettings } from '../../state/settings.js';
import { SummaryList } from '../summary-list.js';

/** Who is paying and what the payment leaves open or over, next to the form; Review is the form's submit button. */
export function FormSummary({ account, draft, onCancel }: { account: Account; draft: PaymentDraft; onCancel(): void }) {
  const { money } = useFormat();
  const { overpaymentLimit } = useLoadedSettings();
  const items = selectedItems(account, draft);
  const { due, paid, outstanding, over } = draftOutcome(account, draft);
  const credit = draft.method !== 'credit_note' && over > 0;

  return (
    <Paper withBorder p="lg" pos="sticky" top={76}>
      <Stack gap="sm">
        <div>
          <Text fw={700}>{account.consumer.name}</Text>
          <Text size="sm" ff="monospace">
            {account.consumer.accountNumber}
          </Text>
        </div>
        <SummaryList rows={[['Current balance', money(account.balance)]]} />
        <Divider />
        <SummaryList
          rows={[
            ['Selected', `${items.length} item${items.length === 1 ? '' : 's'}`],
            ['Open on selected', money(due)],
            ['Amount paid', paid !== null ? money(paid) : '–'],
            paid !== null ? ['Outstanding after payment', money(outstanding)] : null,
            credit ? ['Overpayment', <Text span inherit c={over > overpaymentLimit ? 'red' : 'blue'}>{money(over)}</Text>] : null,
          ]}
        />
        {credit && over <= overpaymentLimit && (
          <Text size="sm" c="blue" role="status">
            The overpayment of {money(over)} becomes a credit note for the consumer.
          </Text>
        )}
        <Button type="submit" size="md" rightSection={<Kbd size="xs">Enter</Kbd>}>
          Review payment
        </Button>
        <Button variant="default" onClick={onCancel} rightSection={<Kbd size="xs">Esc</Kbd>}>
          Cancel
        </Button>
      </Stack>
    </Paper>
  );
}
