import { Alert, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { CallOutput } from '../../core/api/contract.js';
import type { ApiErrorData } from '../../core/api/errors.js';
import { call } from '../api/client.js';
import { DialogActions } from './dialog-actions.js';

type Review = CallOutput<'sync-reviews-list'>[number];

const MAX_LENGTH = 500;

/** A branch manager says what was done about something sync flagged; the review stays, resolved. */
export function SyncResolveDialog({ review, onClose, onResolved }: { review: Review; onClose(): void; onResolved(): void }) {
  const [resolution, setResolution] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorData | null>(null);
  const onField = error?.field === 'resolution';
  const ready = resolution.trim() !== '';

  async function resolve() {
    setBusy(true);
    setError(null);
    const result = await call('sync-review-resolve', { reviewId: review.id, resolution });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    notifications.show({ color: 'green', title: `${review.kindLabel} resolved`, message: resolution.trim() });
    onResolved();
  }

  return (
    <Modal opened onClose={onClose} title={`Resolve: ${review.kindLabel}`} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ready && !busy) void resolve();
        }}
      >
        <Stack gap="md">
          <Text size="sm">{review.detail}</Text>
          <Textarea
            label="What was done"
            withAsterisk
            data-autofocus
            autosize
            minRows={3}
            maxLength={MAX_LENGTH}
            description={`${resolution.length} of ${MAX_LENGTH} characters`}
            value={resolution}
            error={onField ? error.message : undefined}
            onChange={(e) => setResolution(e.currentTarget.value)}
          />
          {error && !onField && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          <DialogActions onCancel={onClose} ready={ready} busy={busy}>
            Mark resolved
          </DialogActions>
        </Stack>
      </form>
    </Modal>
  );
}
