import { Alert, Button, Stack, Text } from '@mantine/core';
import type { TillSessionView } from '../../../core/api/calls/tills.js';
import { TAKES_PAYMENTS } from '../../../core/auth/roles.js';
import { go } from '../../state/router.js';
import { useSession } from '../../state/session.js';

/** In place of the payment form when the user has no open till of their own: payments go into a counted drawer or nowhere. */
export function NoTillAlert({ till }: { till: TillSessionView | null }) {
  const role = useSession((s) => s.user?.role);
  const waiting = till?.status === 'awaiting_approval';
  if (role && !TAKES_PAYMENTS.includes(role)) {
    return (
      <Alert color="orange" title="Payments are taken by cashiers" role="alert" maw={640}>
        Your role does not take payments or open tills. A cashier, customer executive or branch manager records this payment.
      </Alert>
    );
  }
  return (
    <Alert color="orange" title={waiting ? `Till ${till.number} is waiting for approval` : 'Open a till before taking payments'} role="alert" maw={640}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">
          {waiting
            ? "It has been counted and takes no payments until a branch manager approves its close. Then open a new till to take payments."
            : 'Every payment goes into a till: count the opening float into your own till on this terminal, then come back to this payment.'}
        </Text>
        <Button autoFocus onClick={() => go({ name: 'till' })}>
          Go to the till
        </Button>
      </Stack>
    </Alert>
  );
}
