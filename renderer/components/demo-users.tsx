import { Button, Paper, Table, Text } from '@mantine/core';
import { ROLE_LABELS } from '../../core/auth/roles.js';
import type { CallOutput } from '../../core/api/contract.js';
import { useCall } from '../hooks/use-call.js';

type DemoUser = CallOutput<'demo-users'>['users'][number];

/** In demo mode, who can log in and with which PIN; picking one fills in the form. */
export function DemoUsers({ onPick }: { onPick: (user: DemoUser) => void }) {
  const demo = useCall('demo-users', {});
  if (demo.status !== 'ok' || !demo.value.demo) return null;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="demo-users-title">
      <Text id="demo-users-title" fw={600} size="sm">
        Demo users
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        This is a demo installation. Pick a user to fill in the form.
      </Text>
      <Table verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>User / PIN</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {demo.value.users.map((user) => (
            <Table.Tr key={user.username}>
              <Table.Td>
                <Button variant="subtle" size="compact-sm" onClick={() => onPick(user)} title={`Log in as ${user.username}`}>
                  {user.displayName}
                </Button>
              </Table.Td>
              <Table.Td>{ROLE_LABELS[user.role]}</Table.Td>
              <Table.Td ff="monospace">
                {user.username} / {user.pin}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
