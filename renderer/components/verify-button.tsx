import { Button, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { VERIFIES_PAYMENTS } from '../../core/auth/roles.js';
import { call } from '../api/client.js';
import { useSession } from '../state/session.js';

/** Marks a pending payment verified once the money is seen; only a branch manager or administrator may. */
export function VerifyButton({ paymentId, onVerified }: { paymentId: string; onVerified(): void }) {
  const role = useSession((s) => s.user?.role);
  const [busy, setBusy] = useState(false);
  const allowed = role !== undefined && VERIFIES_PAYMENTS.includes(role);

  async function verify() {
    setBusy(true);
    const result = await call('payment-verify', { paymentId });
    setBusy(false);
    if (result.ok) {
      notifications.show({ color: 'green', message: `Payment ${result.value.receiptNumber} is verified.` });
      onVerified();
    } else {
      notifications.show({ color: 'red', title: 'Not verified', message: result.error.message });
    }
  }

  return (
    <div>
      <Button size="sm" color="teal" loading={busy} disabled={!allowed} onClick={() => void verify()}>
        Verify payment
      </Button>
      {!allowed && (
        <Text size="xs" c="dimmed" mt={4}>
          Only a branch manager or an administrator can verify a payment.
        </Text>
      )}
    </div>
  );
}
