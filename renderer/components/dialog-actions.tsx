import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';

/** The foot of a dialog's form: Cancel, and the button that submits it, enabled only when the form is ready. */
export function DialogActions({ onCancel, ready, busy, color, children }: { onCancel: () => void; ready: boolean; busy: boolean; color?: string; children: ReactNode }) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" color={color} disabled={!ready} loading={busy}>
        {children}
      </Button>
    </Group>
  );
}
