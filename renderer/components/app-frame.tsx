import { AppShell, Badge, Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ROLE_LABELS, TAKES_PAYMENTS } from '../../core/auth/roles.js';
import { endSession } from '../state/session-actions.js';
import { useSession } from '../state/session.js';
import { useLoadedSettings } from '../state/settings.js';
import { AppNavigation } from './app-navigation.js';
import { SyncIndicator } from './sync-indicator.js';
import { TillIndicator } from './till-indicator.js';

/** Every screen after login: who is at which terminal, their till, where else they may go, and the way out. */
export function AppFrame({ children }: { children: ReactNode }) {
  const user = useSession((s) => s.user);
  const { utilityName, branchName, terminalCode } = useLoadedSettings();

  return (
    <AppShell header={{ height: 96 }} padding="md">
      <AppShell.Header>
        <Group h={56} px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Text fw={700} size="lg">
              Counter
            </Text>
            <Text size="sm" c="dimmed" visibleFrom="sm">
              {utilityName} · {branchName}
            </Text>
            <Badge variant="light" color="gray" title="Terminal">
              Terminal {terminalCode}
            </Badge>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <SyncIndicator />
            {user && TAKES_PAYMENTS.includes(user.role) && <TillIndicator />}
            {user && (
              <Text size="sm">
                <Text span fw={600}>
                  {user.displayName}
                </Text>{' '}
                <Text span c="dimmed">
                  ({ROLE_LABELS[user.role]})
                </Text>
              </Text>
            )}
            <Button variant="default" size="xs" onClick={() => void endSession()}>
              Log out
            </Button>
          </Group>
        </Group>
        {user && <AppNavigation role={user.role} />}
      </AppShell.Header>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
