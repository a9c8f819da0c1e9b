import { Group, PasswordInput, TextInput } from '@mantine/core';

export interface Approval {
  username: string;
  pin: string;
}

/** A branch manager approves at the counter by typing their user and PIN on this screen. */
export function ManagerApprovalFields({ value, errors, onChange }: { value: Approval; errors: { username?: string | undefined; pin?: string | undefined }; onChange(next: Approval): void }) {
  return (
    <Group grow align="flex-start">
      <TextInput label="Approving manager" description="User name of a branch manager" autoComplete="off" value={value.username} error={errors.username} onChange={(e) => onChange({ ...value, username: e.currentTarget.value })} />
      <PasswordInput label="Manager PIN" autoComplete="off" value={value.pin} error={errors.pin} onChange={(e) => onChange({ ...value, pin: e.currentTarget.value })} />
    </Group>
  );
}
