import { Text } from '@mantine/core';
import { PAYMENT_TYPE_LABELS } from '../../../core/accounts/account.js';
import { parseAmount } from '../../../core/money.js';
import { channelLabel, methodLabel } from '../../../core/payments/payment-views.js';
import { normaliseReference, REFERENCE_RULES } from '../../../core/payments/references.js';
import { useFormat } from '../../hooks/use-format.js';
import { selectedItems, type Account, type PaymentDraft } from '../../payments/draft.js';
import { useSession } from '../../state/session.js';
import { useLoadedSettings } from '../../state/settings.js';
import { SummaryList } from '../summary-list.js';

/** What Confirm will post, in the words of the receipt. Only called with a draft that passed the check. */
export function PaymentSummary({ account, draft }: { account: Account; draft: PaymentDraft }) {
  const settings = useLoadedSettings();
  const user = useSession((s) => s.user);
  const { money, date } = useFormat();
  const amount = (text: string) => {
    const parsed = parseAmount(text);
    return parsed.ok ? parsed.value : 0;
  };
  const paid = amount(draft.amountPaid);
  const cash = draft.method === 'cash';
  const reference = draft.method === 'cash' ? null : REFERENCE_RULES[draft.method];
  const items = selectedItems(account, draft);

  return (
    <SummaryList
      rows={[
        ['Payment type', PAYMENT_TYPE_LABELS[draft.type]],
        ['Channel', channelLabel(settings, draft.channel)],
        ['Method', methodLabel(settings, draft.method)],
        [
          items.length === 1 ? 'Paying' : `Paying (${items.length})`,
          items.map((item) => (
            <Text key={item.id} span display="block" ff="monospace" inherit>
              {item.reference} · {money(item.open)} open
            </Text>
          )),
        ],
        ['Amount paid', <Text span fw={700} inherit>{money(paid)}</Text>],
        cash ? ['Amount received', money(amount(draft.amountReceived))] : null,
        cash ? ['Change', <Text span fw={700} inherit>{money(amount(draft.amountReceived) - paid)}</Text>] : null,
        reference ? [reference.label, normaliseReference(draft.reference)] : null,
        ['Payment date', date(draft.paymentDate)],
        draft.notes.trim() ? ['Notes', draft.notes.trim()] : null,
        ['Recorded by', user?.displayName ?? ''],
      ]}
    />
  );
}
