import { Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled part of a till report; its title names the region, so a reader (or a test) finds it by name. */
export function ReportSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={3} size="h5" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
