import { Badge } from '@mantine/core';
import type { ConsumerStatus } from '../../core/accounts/account.js';

const CONSUMER_COLORS: Record<ConsumerStatus, string> = { active: 'green', suspended: 'orange', disconnected: 'red' };
const PAYMENT_COLORS: Record<string, string> = {
  posted: 'green',
  pending: 'yellow',
  failed: 'red',
  cancelled: 'gray',
  reversed: 'red',
  verified: 'green',
  // credit notes
  active: 'green',
  applied: 'blue',
  expired: 'gray',
};

const label = (status: string) => status.charAt(0).toUpperCase() + status.slice(1);

export function ConsumerStatusBadge({ status }: { status: ConsumerStatus }) {
  return (
    <Badge color={CONSUMER_COLORS[status]} variant="light">
      {label(status)}
    </Badge>
  );
}

/** A payment's status (Posted, Pending, …), its verification (Verified, Pending) or a credit note's (Active, Applied, …). */
export function PaymentStatusBadge({ status, size = 'md' }: { status: string; size?: 'md' | 'lg' }) {
  return (
    <Badge color={PAYMENT_COLORS[status] ?? 'gray'} variant={size === 'lg' ? 'filled' : 'light'} size={size}>
      {label(status)}
    </Badge>
  );
}
