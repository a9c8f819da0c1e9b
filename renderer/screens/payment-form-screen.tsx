import { Button, Group, Kbd, Stack, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../components/error-alert.js';
import { Loading } from '../components/loading.js';
import { PaymentForm } from '../components/payment/payment-form.js';
import { NoTillAlert } from '../components/till/no-till-alert.js';
import { useCall } from '../hooks/use-call.js';
import { newDraft, today } from '../payments/draft.js';
import { usePaymentDraft } from '../state/payment-draft.js';
import { go } from '../state/router.js';
import { useLoadedSettings } from '../state/settings.js';
import { useTill } from '../state/till.js';

/**
 * Record payment: starts a draft for this consumer, or carries on with the
 * one coming back from the review. Without an open till of the user's own
 * there is no form to fill, only the way to the till.
 */
export function PaymentFormScreen({ consumerId }: { consumerId: string }) {
  const account = useCall('consumer-account', { consumerId });
  const settings = useLoadedSettings();
  const draft = usePaymentDraft((s) => s.draft);
  const loaded = account.status === 'ok' ? account.value : null;
  const open = useTill((s) => s.current?.till?.status === 'open');
  const failed = useTill((s) => s.error !== null);
  const tillNow = useTill((s) => s.current?.till ?? null);
  // The alert waits for the answer to this screen's own ask, so a till opened a moment ago is never refused on a stale answer.
  const [asked, setAsked] = useState(false);
  useEffect(() => {
    let live = true;
    void useTill.getState().refresh().then(() => live && setAsked(true));
    return () => {
      live = false;
    };
  }, []);
  // A failed look at the till leaves the form usable: the backend refuses a payment without one anyway.
  const showForm = open || failed;
  const noTill = asked && !showForm;

  useEffect(() => {
    if (loaded && draft?.consumerId !== consumerId) usePaymentDraft.getState().start(newDraft(loaded, settings, today()));
  }, [loaded, draft, consumerId, settings]);

  const cancel = () => {
    usePaymentDraft.getState().clear();
    go({ name: 'account', consumerId });
  };
  useHotkeys([['Escape', cancel]], []);

  return (
    <Stack gap="md" maw={1200} mx="auto">
      <Group justify="space-between">
        <Title order={1} size="h3">
          Record payment
        </Title>
        <Button variant="subtle" onClick={cancel} rightSection={<Kbd size="xs">Esc</Kbd>}>
          Back to account
        </Button>
      </Group>
      {account.status === 'loading' && <Loading what="the account" />}
      {account.status === 'error' && <ErrorAlert title="The account could not be loaded" error={account.error} onRetry={account.reload} />}
      {!showForm && !noTill && <Loading what="your till" />}
      {noTill && <NoTillAlert till={tillNow} />}
      {loaded && showForm && draft?.consumerId === consumerId && (
        <PaymentForm
          account={loaded}
          draft={draft}
          onCancel={cancel}
          onReview={() => {
            usePaymentDraft.getState().openReview();
            go({ name: 'review' });
          }}
        />
      )}
    </Stack>
  );
}
