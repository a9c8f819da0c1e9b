import { Alert, Button, Group, Text } from '@mantine/core';
import type { ApiErrorData } from '../../core/api/errors.js';

/** A backend answer that stops the screen, in the backend's own words, with a way forward. */
export function ErrorAlert({ title, error, onRetry }: { title: string; error: ApiErrorData; onRetry?: () => void }) {
  return (
    <Alert color="red" title={title} role="alert" maw={640} w="100%">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{error.message}</Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Group>
    </Alert>
  );
}
