import { Center, Loader } from '@mantine/core';

export function Loading({ what }: { what: string }) {
  return (
    <Center p="md">
      <Loader size="sm" aria-label={`Loading ${what}`} />
    </Center>
  );
}
