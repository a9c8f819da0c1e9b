import { Anchor, Badge, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { PAYMENT_TYPE_LABELS } from '../../core/accounts/account.js';
import type { CallOutput } from '../../core/api/contract.js';
import { REFERENCE_RULES } from '../../core/payments/references.js';
import { useFormat } from '../hooks/use-format.js';
import { go } from '../state/router.js';
import { PaymentStatusBadge } from './status-badges.js';
import { SummaryList } from './summary-list.js';
import { VerifyButton } from './verify-button.js';

type Payment = CallOutput<'payment-get'>;

const OUTCOME_LABELS: Record<Payment['analysis']['outcome'], { label: string; color: string }> = {
  exact: { label: 'Exact payment', color: 'green' },
  over: { label: 'Over paid', color: 'blue' },
  under: { label: 'Under paid', color: 'orange' },
  not_applied: { label: 'Not applied: the payment did not complete', color: 'gray' },
};

/** What each payment type calls the thing it paid and its date (the spec's "Payments details"). */
const ITEM_COLUMNS: Record<Payment['type'], { reference: string; detail: string; billed: string }> = {
  bill: { reference: 'Invoice', detail: 'Service period', billed: 'Billed amount' },
  service: { reference: 'Service', detail: 'Service date', billed: 'Service amount' },
  installment: { reference: 'Plan installment', detail: 'Installment', billed: 'Installment amount' },
};

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `section-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h5" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** The payment details view, section for section as the payments spec lists them. */
export function PaymentDetails({ payment, onChanged }: { payment: Payment; onChanged(): void }) {
  const { money, date } = useFormat();
  const dateTime = (iso: string) => `${date(iso)} ${new Date(iso).toTimeString().slice(0, 5)}`;
  const columns = ITEM_COLUMNS[payment.type];
  const outcome = OUTCOME_LABELS[payment.analysis.outcome];
  const { method } = payment;
  const reference = payment.reference && method !== 'cash' && method !== 'credit_note' ? REFERENCE_RULES[method] : null;

  return (
    <Stack gap="md">
      {payment.reversal && (
        <Section title="Reversal">
          <SummaryList
            rows={[
              ['Reversal no.', payment.reversal.number],
              ['Reversed on', dateTime(payment.reversal.at)],
              ['Reason', payment.reversal.reason],
              ['Reversed by', payment.reversal.reversedBy],
              ['Approved by', payment.reversal.approvedBy],
            ]}
          />
        </Section>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Section title="Payment information">
          <SummaryList
            rows={[
              ['Payment ID', payment.paymentNumber],
              ['Status', <PaymentStatusBadge status={payment.status} />],
              ['Amount paid', <Text span fw={700} inherit>{money(payment.amount)}</Text>],
              ['Payment method', payment.methodLabel],
              ['Payment type', PAYMENT_TYPE_LABELS[payment.type]],
              ['Channel', payment.channelLabel],
            ]}
          />
        </Section>
        <Section title="Transaction information">
          <SummaryList
            rows={[
              ['Transaction ID', payment.transactionNumber],
              ['Receipt no.', payment.receiptNumber],
              ['Payment date', date(payment.paymentDate)],
              ['Recorded at', dateTime(payment.recordedAt)],
              ['Terminal', payment.terminalCode],
            ]}
          />
        </Section>
      </SimpleGrid>
      <Section title="Payment details">
        <Table fz="sm" verticalSpacing={4} style={{ whiteSpace: 'nowrap' }} aria-label="Items paid">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{columns.reference}</Table.Th>
              <Table.Th>{columns.detail}</Table.Th>
              <Table.Th ta="right">{columns.billed}</Table.Th>
              <Table.Th ta="right">Open before</Table.Th>
              <Table.Th ta="right">Applied</Table.Th>
              <Table.Th ta="right">Outstanding</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {payment.allocations.map((a) => (
              <Table.Tr key={a.itemId}>
                <Table.Td ff="monospace">{a.reference}</Table.Td>
                <Table.Td>{a.detail}</Table.Td>
                <Table.Td ta="right">{money(a.billed)}</Table.Td>
                <Table.Td ta="right">{money(a.openBefore)}</Table.Td>
                <Table.Td ta="right">{money(a.applied)}</Table.Td>
                <Table.Td ta="right">{a.openAfter === 0 ? <Text span inherit c="green">Paid in full</Text> : money(a.openAfter)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Section title="Payment amount analysis">
          <SummaryList
            rows={[
              [columns.billed, money(payment.analysis.billed)],
              ['Due before payment', money(payment.analysis.due)],
              ['Amount paid', money(payment.analysis.paid)],
              ['Difference', money(payment.analysis.difference)],
              ['Result', <Badge color={outcome.color} variant="light">{outcome.label}</Badge>],
            ]}
          />
        </Section>
        {method === 'cash' ? (
          <Section title="Cash payment details">
            <SummaryList
              rows={[
                ['Amount received', money(payment.amountReceived ?? 0)],
                ['Change given', money(payment.change ?? 0)],
              ]}
            />
          </Section>
        ) : (
          <Section title={`${payment.methodLabel} details`}>
            <SummaryList
              rows={[
                reference ? [reference.label, payment.reference] : null,
                payment.cardLast4 ? ['Card', `**** ${payment.cardLast4}`] : null,
                payment.bankName ? ['Bank', payment.bankName] : null,
                payment.appliedCreditNote
                  ? ['Credit note applied', <Anchor component="button" type="button" ff="monospace" onClick={() => go({ name: 'credit-note', creditNoteId: payment.appliedCreditNote!.id })}>{payment.appliedCreditNote.number}</Anchor>]
                  : null,
                payment.online ? ['Gateway', payment.online.gateway] : null,
                payment.online ? ['Webhook status', payment.online.webhookLabel] : null,
                payment.online ? ['Settlement status', payment.online.settlementLabel] : null,
              ]}
            />
          </Section>
        )}
      </SimpleGrid>
      {payment.creditNotes.length > 0 && (
        <Section title="Credit note generated">
          <Stack gap="xs">
            {payment.creditNotes.map((note) => (
              <SummaryList
                key={note.id}
                rows={[
                  ['Credit note no.', <Anchor component="button" type="button" ff="monospace" onClick={() => go({ name: 'credit-note', creditNoteId: note.id })}>{note.number}</Anchor>],
                  ['Credit amount', money(note.amount)],
                  ['Remaining', money(note.remaining)],
                  ['Status', <PaymentStatusBadge status={note.status} />],
                ]}
              />
            ))}
          </Stack>
        </Section>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Section title="Processing information">
          <Stack gap="sm">
            <SummaryList
              rows={[
                ['Received by', payment.processing.receivedBy],
                ['Processing time', payment.processing.time],
                ['Verification', <PaymentStatusBadge status={payment.processing.verification} />],
              ]}
            />
            {payment.verification === 'pending' && payment.status !== 'failed' && payment.status !== 'reversed' && <VerifyButton paymentId={payment.id} onVerified={onChanged} />}
          </Stack>
        </Section>
        <Section title="Consumer information">
          <SummaryList
            rows={[
              ['Consumer name', payment.consumer.name],
              ['Account number', payment.consumer.accountNumber],
              ['Service address', payment.consumer.serviceAddress],
              ['Phone', payment.consumer.phone],
              ['Email', payment.consumer.email],
              ['Balance after payment', money(payment.balanceAfter)],
            ]}
          />
        </Section>
      </SimpleGrid>
      {payment.notes && (
        <Section title="Notes">
          <Text size="sm">{payment.notes}</Text>
        </Section>
      )}
    </Stack>
  );
}
