import { Alert, Button, Group, Kbd, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useFormat } from '../../hooks/use-format.js';
import { ManagerApprovalFields, type Approval } from '../manager-approval.js';
import { SummaryList } from '../summary-list.js';
import { ScheduleTable } from './schedule-table.js';
import type { PlanPreview } from './use-plan-preview.js';

interface ApprovalProps {
  /** A branch manager must approve: the preview says so, or the backend asked on Create. */
  needed: boolean;
  value: Approval;
  errors: { username?: string | undefined; pin?: string | undefined };
  onChange(next: Approval): void;
}

/** Beside the terms: the exact schedule they make, the approval it needs, and Create (the form's submit). */
export function PlanPreviewPanel({ preview, approval, busy }: { preview: PlanPreview; approval: ApprovalProps; busy: boolean }) {
  const { money } = useFormat();
  const { answer, pending } = preview;
  const schedule = answer?.ok ? answer.value : null;

  return (
    <Paper withBorder p="lg" pos="sticky" top={112} component="section" aria-labelledby="plan-preview-title">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h4" id="plan-preview-title">
            Schedule
          </Title>
          {pending && <Loader size="xs" aria-label="Working out the schedule" />}
        </Group>
        {!answer && <Text c="dimmed">Working out the schedule…</Text>}
        {answer && !answer.ok && <Text c="dimmed">The schedule shows once the terms are complete. Correct what is marked in red.</Text>}
        {schedule && (
          <>
            <SummaryList
              rows={[
                ['Arrears covered', money(schedule.total)],
                schedule.downPayment > 0 ? ['Down payment', money(schedule.downPayment)] : null,
                ['Installments', String(schedule.installments.filter((i) => !i.isDownPayment).length)],
              ]}
            />
            <ScheduleTable installments={schedule.installments} caption="What falls due when" withTotal />
          </>
        )}
        {approval.needed && (
          <Alert color="yellow" title="A branch manager must approve this plan">
            <Stack gap="sm">
              {schedule && schedule.approvalReasons.length > 0 && (
                <Stack component="ul" gap={2} m={0} pl="md">
                  {schedule.approvalReasons.map((reason) => (
                    <Text component="li" size="sm" key={reason}>
                      {reason}
                    </Text>
                  ))}
                </Stack>
              )}
              <ManagerApprovalFields value={approval.value} errors={approval.errors} onChange={approval.onChange} />
            </Stack>
          </Alert>
        )}
        <Button type="submit" size="md" loading={busy} rightSection={<Kbd size="xs">Enter</Kbd>}>
          Create plan
        </Button>
      </Stack>
    </Paper>
  );
}
