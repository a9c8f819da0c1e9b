import { Grid, NativeSelect, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { PAYMENT_TYPE_LABELS, PAYMENT_TYPES, type PaymentType } from '../../../core/accounts/account.js';
import { CREDIT_TENDER_LABEL, type TenderCode } from '../../../core/payments/tenders.js';
import { checkDraft } from '../../payments/check-draft.js';
import { moveItem, payableItems, selectedItems, today, toggleItem, withCreditNote, withMethod, withType, type Account, type DraftField, type PaymentDraft } from '../../payments/draft.js';
import { usePaymentDraft } from '../../state/payment-draft.js';
import { useLoadedSettings } from '../../state/settings.js';
import { PayableItemsTable } from '../payable-items-table.js';
import { AllocationPreview } from './allocation-preview.js';
import { AmountFields } from './amount-fields.js';
import { ChoiceField } from './choice-field.js';
import { FormSummary } from './form-summary.js';
import { TenderFields } from './tender-fields.js';

const ITEM_WORDS: Record<PaymentType, { title: string; empty: string }> = {
  bill: { title: 'Unpaid bills', empty: 'This account has no unpaid bills.' },
  service: { title: 'Unpaid services', empty: 'This account has no unpaid service charges.' },
  installment: { title: 'Unpaid installments', empty: 'This account has no unpaid installments.' },
};

const FIRST_FIELD: Record<TenderCode, string> = { cash: 'amount-received', card: 'reference', mpesa: 'reference', bank_transfer: 'bank-name', credit_note: 'credit-note' };

/** Focus goes where the cashier types next: a field the backend or the check objected to, else the first field of the tender. */
function focusNext(form: HTMLFormElement | null, method: TenderCode) {
  const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  const target = invalid?.matches('input, textarea, select') ? invalid : (invalid?.querySelector<HTMLElement>('input') ?? null);
  (target ?? document.getElementById(FIRST_FIELD[method]))?.focus();
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
  const toggle = (itemId: string) => change(toggleItem(draft, account, itemId));
  const tenders = [
    ...settings.paymentMethods.filter((m) => m.enabled).map((m): { value: TenderCode; label: string } => ({ value: m.code, label: m.label })),
    ...(account.credit.length > 0 ? [{ value: 'credit_note' as const, label: CREDIT_TENDER_LABEL }] : []),
  ];
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
              <AllocationPreview items={selectedItems(account, draft)} amountPaid={draft.amountPaid} onMove={(itemId, step) => update(moveItem(draft, itemId, step))} />
              <Grid gap="md" align="flex-end">
                <Grid.Col span={{ base: 12, sm: 8 }}>
                  <ChoiceField
                    label="Method"
                    value={draft.method}
                    data={tenders}
                    error={error('method')}
                    onChange={(next) => change(withMethod(draft, account, next))}
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
              <TenderFields account={account} draft={draft} error={error} onChange={update} onCreditNote={(id) => change(withCreditNote(draft, account, id))} />
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
