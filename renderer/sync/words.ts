import dayjs from 'dayjs';
import type { SyncStatus } from '../../core/api/calls/sync.js';

/** A posting's kind as a branch manager reads it; a kind this list does not know yet is shown as sent. */
const KIND_LABELS: Record<string, string> = {
  'payment.recorded': 'Payment',
  'payment.reversed': 'Reversal',
  'payment.verified': 'Verification',
  'credit_note.created': 'Credit note',
  'credit_note.expired': 'Credit note expiry',
  'till.closed': 'Till close',
};

export const postingKindLabel = (kind: string) => KIND_LABELS[kind] ?? kind;

export const STATE_LABELS: Record<SyncStatus['state'], string> = {
  off: 'Sync off',
  syncing: 'Syncing',
  online: 'Online',
  offline: 'Offline',
  unregistered: 'Not registered',
};

export const STATE_COLORS: Record<SyncStatus['state'], string> = {
  off: 'gray',
  syncing: 'blue',
  online: 'green',
  offline: 'orange',
  unregistered: 'red',
};

/** "1 posting", "12 postings". */
export const postings = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'posting' : 'postings'}`;

/** How long ago, in the words a cashier says: "just now", "3 minutes ago", "2 hours ago", "4 days ago". */
export function ago(iso: string, now: Date): string {
  const seconds = Math.round((now.getTime() - new Date(iso).getTime()) / 1000);
  if (seconds < 45) return 'just now';
  const [value, unit] =
    seconds < 3600 ? [Math.max(1, Math.round(seconds / 60)), 'minute'] : seconds < 86_400 ? [Math.round(seconds / 3600), 'hour'] : [Math.round(seconds / 86_400), 'day'];
  return `${value} ${unit}${value === 1 ? '' : 's'} ago`;
}

/** How long until, for the next attempt: "now", "in 40 seconds", "in 3 minutes". */
export function fromNow(iso: string, now: Date): string {
  const seconds = Math.round((new Date(iso).getTime() - now.getTime()) / 1000);
  if (seconds <= 1) return 'now';
  if (seconds < 90) return `in ${seconds} seconds`;
  return `in ${Math.round(seconds / 60)} minutes`;
}

/** "Sending 1,200 of 5,000 postings", "Downloading 40,000 of 1,200,000 changes". */
export function progressText(progress: NonNullable<SyncStatus['progress']>): string {
  const [verb, noun] = progress.phase === 'push' ? ['Sending', 'postings'] : ['Downloading', 'changes'];
  return `${verb} ${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')} ${noun}`;
}

/** A time of day, with the date in front when it is not today: "10:42", "12 Mar 2025 16:05". */
export function clockTime(iso: string, dateFormat: string, now: Date): string {
  const at = dayjs(iso);
  return at.isSame(now, 'day') ? at.format('HH:mm') : at.format(`${dateFormat} HH:mm`);
}
