import { Group, NativeSelect, TextInput } from '@mantine/core';
import { REFERENCE_RULES } from '../../../core/payments/references.js';
import { useFormat } from '../../hooks/use-format.js';
import type { Account, PaymentDraft } from '../../payments/draft.js';

type TenderPatch = Partial<Pick<PaymentDraft, 'reference' | 'cardLast4' | 'bankName'>>;

interface TenderFieldsProps {
  account: Account;
  draft: PaymentDraft;
  error(field: 'reference' | 'cardLast4' | 'bankName' | 'creditNoteId'): string | undefined;
  onChange(patch: TenderPatch): void;
  onCreditNote(creditNoteId: string): void;
}

const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/**
 * What each tender carries besides the amount: the card terminal's approval
 * code and the card's last four digits, the M-PESA code the customer shows,
 * the bank and its reference, or which credit note pays.
 */
export function TenderFields({ account, draft, error, onChange, onCreditNote }: TenderFieldsProps) {
  const { money, date } = useFormat();
  const { method } = draft;
  if (method === 'cash') return null;
  if (method === 'credit_note') {
    return (
      <NativeSelect
        id="credit-note"
        label="Credit note to apply"
        description="Active credit of this consumer; the amount paid is taken from it"
        value={draft.creditNoteId}
        error={error('creditNoteId')}
        data={account.credit.map((note) => ({ value: note.id, label: `${note.number} · ${money(note.remaining)} left · until ${date(note.expiresOn)}` }))}
        onChange={(e) => onCreditNote(e.currentTarget.value)}
      />
    );
  }
  const rule = REFERENCE_RULES[method];
  const reference = (
    <TextInput
      id="reference"
      label={rule.label}
      description={capitalised(rule.hint)}
      autoComplete="off"
      value={draft.reference}
      error={error('reference')}
      onChange={(e) => onChange({ reference: e.currentTarget.value })}
    />
  );
  if (method === 'card') {
    return (
      <Group grow align="flex-start">
        {reference}
        <TextInput
          id="card-last4"
          label="Card last four digits"
          description="From the terminal slip"
          inputMode="numeric"
          maxLength={4}
          autoComplete="off"
          value={draft.cardLast4}
          error={error('cardLast4')}
          onChange={(e) => onChange({ cardLast4: e.currentTarget.value })}
        />
      </Group>
    );
  }
  if (method === 'bank_transfer') {
    return (
      <Group grow align="flex-start">
        <TextInput id="bank-name" label="Bank" description="The bank the customer sent from" autoComplete="off" value={draft.bankName} error={error('bankName')} onChange={(e) => onChange({ bankName: e.currentTarget.value })} />
        {reference}
      </Group>
    );
  }
  return reference;
}
