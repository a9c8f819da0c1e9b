import { Button, Divider, Kbd, Paper, Stack, Text } from '@mantine/core';
import { parseAmount } from '../../../core/money.js';
import { openTotal, selectedItems, type Account, type PaymentDraft } from '../../payments/draft.js';
import { useFormat } from '../../hooks/use-format.js';
import { SummaryList } from '../summary-list.js';

/** Who is paying and what the payment leaves open, next to the form; Review is the form's submit button. */
export function FormSummary({ account, draft, onCancel }: { account: Account; draft: PaymentDraft; onCancel(): void }) {
  const { money } = useFormat();
  const items = selectedItems(account, draft);
  const open = openTotal(items);
  const paid = parseAmount(draft.amountPaid);

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
            ['Open on selected', money(open)],
            ['Amount paid', paid.ok ? money(paid.value) : '–'],
            paid.ok ? ['Left open after payment', money(Math.max(0, open - paid.value))] : null,
          ]}
        />
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
