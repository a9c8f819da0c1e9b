import { Alert, Button, Grid, Group, Kbd, Paper, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import type { ApiErrorData } from '../../core/api/errors.js';
import { call } from '../api/client.js';
import { ErrorAlert } from '../components/error-alert.js';
import { Loading } from '../components/loading.js';
import { PaymentSummary } from '../components/payment/payment-summary.js';
import { SummaryList } from '../components/summary-list.js';
import { useCall } from '../hooks/use-call.js';
import { useFormat } from '../hooks/use-format.js';
import { recordInput, type DraftField, type PaymentDraft } from '../payments/draft.js';
import { usePaymentDraft } from '../state/payment-draft.js';
import { go } from '../state/router.js';
import { openTillId, useTill } from '../state/till.js';

export function ReviewScreen() {
  const draft = usePaymentDraft((s) => s.draft);
  useEffect(() => {
    if (!draft) go({ name: 'dashboard' });
  }, [draft]);
  return draft ? <Review draft={draft} /> : null;
}

/** Fields the form shows; a refusal naming one of them goes back to the form, onto that field. */
const FORM_FIELDS: ReadonlySet<string> = new Set(['type', 'itemIds', 'method', 'channel', 'amountPaid', 'amountReceived', 'reference', 'cardLast4', 'bankName', 'creditNoteId', 'notes', 'paymentDate'] satisfies DraftField[]);

function Review({ draft }: { draft: PaymentDraft }) {
  const { money } = useFormat();
  const account = useCall('consumer-account', { consumerId: draft.consumerId });
  const [posting, setPosting] = useState(false);
  const [error, setError] = useState<ApiErrorData | null>(null);
  const postingRef = useRef(false);

  // While Confirm is on its way there is no going back: its answer decides the next screen.
  const back = () => {
    if (!postingRef.current) go({ name: 'payment', consumerId: draft.consumerId });
  };
  useHotkeys([['Escape', back]], []);

  async function confirm() {
    const { paymentId, clear, reject } = usePaymentDraft.getState();
    if (postingRef.current || !paymentId) return;
    postingRef.current = true;
    setPosting(true);
    setError(null);
    // The till the screens show open; the backend refuses the payment if that is no longer so.
    const result = await call('payment-record', { id: paymentId, ...recordInput(draft), tillSessionId: openTillId() });
    postingRef.current = false;
    setPosting(false);
    if (result.ok) {
      go({ name: 'receipt', paymentId: result.value.id });
      clear();
    } else if (result.error.field && FORM_FIELDS.has(result.error.field)) {
      reject(result.error);
      back();
    } else {
      setError(result.error);
      if (result.error.field === 'till' || result.error.field === 'tillSessionId') void useTill.getState().refresh();
    }
  }

  if (account.status === 'loading') return <Loading what="the account" />;
  if (account.status === 'error') return <ErrorAlert title="The account could not be loaded" error={account.error} onRetry={account.reload} />;
  const { consumer, balance } = account.value;

  return (
    <Stack gap="md" maw={900} mx="auto">
      <Title order={1} size="h3">
        Review payment
      </Title>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 5 }}>
          <Paper withBorder p="lg" component="section" aria-labelledby="review-account">
            <Title order={2} size="h5" id="review-account" mb="sm">
              Account
            </Title>
            <SummaryList
              rows={[
                ['Consumer', consumer.name],
                ['Account number', <Text span ff="monospace" inherit>{consumer.accountNumber}</Text>],
                ['Current balance', money(balance)],
              ]}
            />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 7 }}>
          <Paper withBorder p="lg" component="section" aria-labelledby="review-payment">
            <Title order={2} size="h5" id="review-payment" mb="sm">
              Payment
            </Title>
            <PaymentSummary account={account.value} draft={draft} />
          </Paper>
        </Grid.Col>
      </Grid>
      {error && (
        <Alert color="red" title="The payment was not posted" role="alert">
          {error.message}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={back} disabled={posting} rightSection={<Kbd size="xs">Esc</Kbd>}>
          Back
        </Button>
        <Button size="md" autoFocus loading={posting} disabled={posting} onClick={() => void confirm()} rightSection={<Kbd size="xs">Enter</Kbd>}>
          Confirm payment
        </Button>
      </Group>
    </Stack>
  );
}
