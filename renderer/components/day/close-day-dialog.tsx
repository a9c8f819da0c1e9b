import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { BusinessDayView } from '../../../core/api/calls/tills.js';
import type { ApiErrorData } from '../../../core/api/errors.js';
import { call } from '../../api/client.js';

/**
 * Asks before the day is closed: from then on nothing more can be taken on
 * it on this terminal. A refusal (a till still open, named) goes back to the
 * screen, beside the list of tills it is about.
 */
export function CloseDayDialog({ businessDate, onClose, onClosed, onRefused }: { businessDate: string; onClose(): void; onClosed(day: BusinessDayView): void; onRefused(error: ApiErrorData): void }) {
  const [busy, setBusy] = useState(false);

  async function closeDay() {
    setBusy(true);
    const result = await call('day-close', { businessDate });
    setBusy(false);
    if (result.ok) onClosed(result.value);
    else onRefused(result.error);
  }

  return (
    <Modal opened onClose={onClose} title={`Close business day ${businessDate}`}>
      <Stack gap="md">
        <Text size="sm">Once the day is closed, no till can be opened and no payment taken on it on this terminal. Every till of the day must be closed first.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" loading={busy} onClick={() => void closeDay()} data-autofocus>
            Close the day
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
