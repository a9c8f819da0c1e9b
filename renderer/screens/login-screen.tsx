import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import type { ApiErrorData } from '../../core/api/errors.js';
import { call } from '../api/client.js';
import { DemoUsers } from '../components/demo-users.js';
import { startSession } from '../state/session-actions.js';

export function LoginScreen() {
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<ApiErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const submitRef = useRef<HTMLButtonElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await call('session-login', { username, pin });
    setBusy(false);
    if (result.ok) startSession(result.value.token, result.value.user);
    else setError(result.error);
  }

  const errorOn = (field: string) => (error?.field === field ? error.message : undefined);

  return (
    <Center mih="100vh" p="md">
      <Stack w={420} gap="md">
        <Paper withBorder shadow="sm" p="xl" component="form" onSubmit={(e: FormEvent) => void submit(e)}>
          <Stack gap="md">
            <div>
              <Title order={1} size="h2">
                Counter
              </Title>
              <Text c="dimmed" size="sm">
                Log in to take payments at this counter.
              </Text>
            </div>
            <TextInput label="User" autoComplete="username" autoFocus value={username} error={errorOn('username')} onChange={(e) => {
                setUsername(e.currentTarget.value);
                setError(null);
              }} />
            <PasswordInput label="PIN" inputMode="numeric" autoComplete="current-password" value={pin} error={errorOn('pin')} onChange={(e) => {
                setPin(e.currentTarget.value);
                setError(null);
              }} />
            {error && !error.field && (
              <Alert color="red" role="alert">
                {error.message}
              </Alert>
            )}
            <Button type="submit" loading={busy} ref={submitRef}>
              Log in
            </Button>
          </Stack>
        </Paper>
        <DemoUsers
          onPick={(user) => {
            setUsername(user.username);
            setPin(user.pin);
            setError(null);
            submitRef.current?.focus();
          }}
        />
      </Stack>
    </Center>
  );
}
