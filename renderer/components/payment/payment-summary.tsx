import { Text } from '@mantine/core';
import { PAYMENT_TYPE_LABELS } from '../../../core/accounts/account.js';
import { cents, parseAmount } from '../../../core/money.js';
import { allocate } from '../../../core/payments/allocate.js';
import { channelLabel, methodLabel } from '../../../core/payments/payment-views.js';
import { normaliseReference, REFERENCE_RULES } from '../../../core/payments/references.js';
import { useFormat } from '../../hooks/use-format.js';
import { creditNoteOf, draftOutcome, selectedItems, type Account, type PaymentDraft } from '../../payments/draft.js';
import { useSession } from '../../state/session.js';
import { useLoadedSettings } from '../../state/settings.js';
import { SummaryList } from '../summary-list.js';

/** What Confirm will post, in the words of the receipt. Only called with a draft that passed the check. */
export function PaymentSummary({ account, draft }: { account: Account; draft: PaymentDraft }) {
  const settings = useLoadedSettings();
  const user = useSession((s) => s.user);
  const { money, date } = useFormat();
  const { paid, outstanding, over } = draftOutcome(account, draft);
  const amountPaid = paid ?? cents(0);
  const receivedText = parseAmount(draft.amountReceived);
  const received = receivedText.ok ? receivedText.value : 0;
  const { method } = draft;
  const reference = method === 'cash' || method === 'credit_note' ? null : REFERENCE_RULES[method];
  const items = selectedItems(account, draft);
  const { allocations } = allocate(amountPaid, items.map((item) => ({ ...item, amount: cents(item.amount), open: cents(item.open) })));
  const receives = (id: string) => allocations.find((a) => a.item.id === id)?.applied ?? 0;

  return (
    <SummaryList
      rows={[
        ['Payment type', PAYMENT_TYPE_LABELS[draft.type]],
        ['Channel', channelLabel(settings, draft.channel)],
        ['Method', methodLabel(settings, method)],
        [
          items.length === 1 ? 'Paying' : `Paying (${items.length})`,
          items.map((item) => (
            <Text key={item.id} span display="block" ff="monospace" inherit>
              {item.reference} · {money(receives(item.id))} of {money(item.open)}
            </Text>
          )),
        ],
        ['Amount paid', <Text span fw={700} inherit>{money(amountPaid)}</Text>],
        method === 'cash' ? ['Amount received', money(received)] : null,
        method === 'cash' ? ['Change', <Text span fw={700} inherit>{money(received - amountPaid)}</Text>] : null,
        reference ? [reference.label, normaliseReference(draft.reference)] : null,
        method === 'card' ? ['Card', `**** ${draft.cardLast4}`] : null,
        method === 'bank_transfer' ? ['Bank', draft.bankName.trim()] : null,
        method === 'credit_note' ? ['Credit note', creditNoteOf(account, draft)?.number ?? ''] : null,
        outstanding > 0 ? ['Outstanding after', money(outstanding)] : null,
        over > 0 ? ['Credit note to issue', <Text span fw={700} c="blue" inherit>{money(over)}</Text>] : null,
        method === 'mpesa' || method === 'bank_transfer' ? ['Verification', 'Pending until the money is seen'] : null,
        ['Payment date', date(draft.paymentDate)],
        draft.notes.trim() ? ['Notes', draft.notes.trim()] : null,
        ['Recorded by', user?.displayName ?? ''],
      ]}
    />
  );
}
