import { Badge } from '@mantine/core';
import type { ConsumerStatus } from '../../core/accounts/account.js';

const CONSUMER_COLORS: Record<ConsumerStatus, string> = { active: 'green', suspended: 'orange', disconnected: 'red' };
const PAYMENT_COLORS: Record<string, string> = { posted: 'green', pending: 'yellow', failed: 'red', cancelled: 'gray', verified: 'green' };

const label = (status: string) => status.charAt(0).toUpperCase() + status.slice(1);

export function ConsumerStatusBadge({ status }: { status: ConsumerStatus }) {
  return (
    <Badge color={CONSUMER_COLORS[status]} variant="light">
      {label(status)}
    </Badge>
  );
}

/** A payment's status (Posted, Pending, …) or its verification (Verified, Pending). */
export function PaymentStatusBadge({ status, size = 'md' }: { status: string; size?: 'md' | 'lg' }) {
  return (
    <Badge color={PAYMENT_COLORS[status] ?? 'gray'} variant={size === 'lg' ? 'filled' : 'light'} size={size}>
      {label(status)}
    </Badge>
  );
}
