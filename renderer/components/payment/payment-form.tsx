import { Grid, NativeSelect, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { PAYMENT_TYPE_LABELS, PAYMENT_TYPES, type PaymentType } from '../../../core/accounts/account.js';
import { REFERENCE_RULES } from '../../../core/payments/references.js';
import type { PaymentMethodCode } from '../../../core/settings/settings.js';
import { checkDraft } from '../../payments/check-draft.js';
import { payableItems, today, withItems, withType, type Account, type DraftField, type PaymentDraft } from '../../payments/draft.js';
import { usePaymentDraft } from '../../state/payment-draft.js';
import { useLoadedSettings } from '../../state/settings.js';
import { PayableItemsTable } from '../payable-items-table.js';
import { AmountFields } from './amount-fields.js';
import { ChoiceField } from './choice-field.js';
import { FormSummary } from './form-summary.js';

const ITEM_WORDS: Record<PaymentType, { title: string; empty: string }> = {
  bill: { title: 'Unpaid bills', empty: 'This account has no unpaid bills.' },
  service: { title: 'Unpaid services', empty: 'This account has no unpaid service charges.' },
  installment: { title: 'Unpaid installments', empty: 'This account has no unpaid installments.' },
};

/** Focus goes where the cashier types next: a field the backend or the check objected to, else the cash received or the reference. */
function focusNext(form: HTMLFormElement | null, method: PaymentMethodCode) {
  const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  const target = invalid?.matches('input, textarea, select') ? invalid : (invalid?.querySelector<HTMLElement>('input') ?? null);
  (target ?? document.getElementById(method === 'cash' ? 'amount-received' : 'reference'))?.focus();
}

export function PaymentForm({ account, draft, onCancel, onReview }: { account: Account; draft: PaymentDraft; onCancel(): void; onReview(): void }) {
  const settings = useLoadedSettings();
  const rejection = usePaymentDraft((s) => s.rejection);
  const change = usePaymentDraft((s) => s.change);
  const [checked, setChecked] = useState(false);
  const [submits, setSubmits] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  const problems = checked ? checkDraft(draft, account, settings, today()) : {};
  const error = (field: DraftField) => (rejection?.field === field ? rejection.message : problems[field]);
  const update = (patch: Partial<PaymentDraft>) => change({ ...draft, ...patch });

  // Runs when the form opens and after each refused submit; the method is read as it is at that moment.
  const method = useRef(draft.method);
  method.current = draft.method;
  useEffect(() => focusNext(formRef.current, method.current), [submits]);

  function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(checkDraft(draft, account, settings, today())).length === 0) onReview();
    else setSubmits((n) => n + 1);
  }

  const items = payableItems(account, draft.type);
  const toggle = (itemId: string) => change(withItems(draft, account, draft.itemIds.includes(itemId) ? draft.itemIds.filter((id) => id !== itemId) : [...draft.itemIds, itemId]));
  const reference = draft.method === 'cash' ? null : REFERENCE_RULES[draft.method];
  const notesOver = draft.notes.trim().length > settings.notesMaxLength;

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label="Record payment">
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder p="lg">
            <Stack gap="md">
              <ChoiceField
                label="Payment type"
                value={draft.type}
                data={PAYMENT_TYPES.map((type) => ({ value: type, label: PAYMENT_TYPE_LABELS[type] }))}
                error={error('type')}
                onChange={(type) => change(withType(draft, account, type))}
              />
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {ITEM_WORDS[draft.type].title}
                </Text>
                <PayableItemsTable items={items} empty={ITEM_WORDS[draft.type].empty} selection={{ selected: draft.itemIds, onToggle: toggle }} />
                {error('itemIds') && (
                  <Text c="red" size="xs" role="alert">
                    {error('itemIds')}
                  </Text>
                )}
              </Stack>
              <Grid gap="md" align="flex-end">
                <Grid.Col span={{ base: 12, sm: 8 }}>
                  <ChoiceField
                    label="Method"
                    value={draft.method}
                    data={settings.paymentMethods.filter((m) => m.enabled).map((m) => ({ value: m.code, label: m.label }))}
                    error={error('method')}
                    onChange={(next) => update({ method: next })}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <NativeSelect
                    label="Channel"
                    value={draft.channel}
                    data={settings.channels.map((c) => ({ value: c.code, label: c.label }))}
                    error={error('channel')}
                    onChange={(e) => update({ channel: e.currentTarget.value })}
                  />
                </Grid.Col>
              </Grid>
              <AmountFields
                cash={draft.method === 'cash'}
                amountPaid={draft.amountPaid}
                amountReceived={draft.amountReceived}
                errors={{ amountPaid: error('amountPaid'), amountReceived: error('amountReceived') }}
                onChange={update}
              />
              {reference && (
                <TextInput
                  id="reference"
                  label={reference.label}
                  description={`${reference.hint.charAt(0).toUpperCase()}${reference.hint.slice(1)}`}
                  autoComplete="off"
                  value={draft.reference}
                  error={error('reference')}
                  onChange={(e) => update({ reference: e.currentTarget.value })}
                />
              )}
              <TextInput
                type="date"
                label="Payment date"
                max={today()}
                w={200}
                value={draft.paymentDate}
                error={error('paymentDate')}
                onChange={(e) => update({ paymentDate: e.currentTarget.value })}
              />
              <Textarea
                label="Notes"
                autosize
                minRows={2}
                maxRows={6}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                description={
                  <Text span size="xs" c={notesOver ? 'red' : 'dimmed'}>
                    {draft.notes.trim().length} / {settings.notesMaxLength}
                  </Text>
                }
                value={draft.notes}
                error={error('notes')}
                onChange={(e) => update({ notes: e.currentTarget.value })}
              />
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <FormSummary account={account} draft={draft} onCancel={onCancel} />
        </Grid.Col>
      </Grid>
    </form>
  );
}
