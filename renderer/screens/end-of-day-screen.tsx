import { Alert, Button, Group, Kbd, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { ApiErrorData } from '../../core/api/errors.js';
import { CloseDayDialog } from '../components/day/close-day-dialog.js';
import { DayTillsTable, type DayTill } from '../components/day/day-tills-table.js';
import { ErrorAlert } from '../components/error-alert.js';
import { Loading } from '../components/loading.js';
import { TillReportPanel } from '../components/till/till-report-panel.js';
import { useCall } from '../hooks/use-call.js';
import { today } from '../payments/draft.js';
import { go } from '../state/router.js';
import { useLoadedSettings } from '../state/settings.js';
import { clockTime } from '../sync/words.js';

/** Esc inside a dialog closes the dialog, and only that. */
const fromDialog = (event: KeyboardEvent) => event.target instanceof Element && event.target.closest('[role="dialog"]') !== null;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The branch manager's end of day: every till of a business day, here and
 * across the branch, their variances and totals, and closing the day once
 * every till on this terminal is closed.
 */
export function EndOfDayScreen() {
  const { dateFormat } = useLoadedSettings();
  const [businessDate, setBusinessDate] = useState(today());
  const [typed, setTyped] = useState(businessDate);
  const day = useCall('day-view', { businessDate });
  const [confirming, setConfirming] = useState(false);
  const [refusal, setRefusal] = useState<ApiErrorData | null>(null);
  const [viewing, setViewing] = useState<DayTill | null>(null);
  const toDashboard = () => go({ name: 'dashboard' });
  useHotkeys([['Escape', (event) => !fromDialog(event) && toDashboard()]]);

  const show = (date: string) => {
    setBusinessDate(date);
    setTyped(date);
    setRefusal(null);
  };
  const step = (days: number) => show(dayjs(businessDate).add(days, 'day').format('YYYY-MM-DD'));
  const isToday = businessDate >= today();

  return (
    <Stack gap="md" maw={1200} mx="auto">
      <Group justify="space-between" align="center">
        <Title order={1} size="h3">
          End of day
        </Title>
        <Button variant="default" onClick={toDashboard} rightSection={<Kbd size="xs">Esc</Kbd>}>
          Return to dashboard
        </Button>
      </Group>
      <Group align="flex-end">
        <Button variant="default" onClick={() => step(-1)}>
          Previous day
        </Button>
        <TextInput
          type="date"
          label="Business day"
          value={typed}
          max={today()}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setTyped(value);
            if (DATE.test(value) && value <= today()) show(value);
          }}
        />
        <Button variant="default" disabled={isToday} onClick={() => step(1)}>
          Next day
        </Button>
        {!isToday && (
          <Button variant="subtle" onClick={() => show(today())}>
            Today
          </Button>
        )}
      </Group>
      {day.status === 'loading' && <Loading what="the business day" />}
      {day.status === 'error' && <ErrorAlert title="The business day could not be loaded" error={day.error} onRetry={day.reload} />}
      {day.status === 'ok' && (
        <>
          {day.value.closed ? (
            <Alert color="gray" title={`Business day ${day.value.businessDate} is closed`} role="status">
              Day closed at {day.value.closedAt ? clockTime(day.value.closedAt, dateFormat, new Date()) : '—'} by {day.value.closedBy ?? '—'}. Nothing more can be taken on it on this terminal.
            </Alert>
          ) : (
            <Text size="sm" c="dimmed">
              Business day {day.value.businessDate} is open.
            </Text>
          )}
          <Paper withBorder p="lg" component="section" aria-labelledby="day-tills-title">
            <Title order={2} size="h4" id="day-tills-title" mb="sm">
              Tills
            </Title>
            <DayTillsTable day={day.value} onOpen={setViewing} />
          </Paper>
          {refusal && (
            <Alert color="red" title="The day was not closed" role="alert" withCloseButton closeButtonLabel="Dismiss" onClose={() => setRefusal(null)}>
              {refusal.message}
            </Alert>
          )}
          {!day.value.closed && (
            <Group justify="flex-end">
              <Button color="red" size="md" onClick={() => setConfirming(true)}>
                Close business day
              </Button>
            </Group>
          )}
          {viewing && (
            <Modal opened onClose={() => setViewing(null)} title={`${viewing.status === 'closed' ? 'Z report' : 'X report'} · Till ${viewing.number}`} size="xl" closeButtonProps={{ 'aria-label': 'Close the report' }}>
              <TillReportPanel tillSessionId={viewing.id} kind={viewing.status === 'closed' ? 'z_report' : 'x_report'} />
            </Modal>
          )}
          {confirming && (
            <CloseDayDialog
              businessDate={day.value.businessDate}
              onClose={() => setConfirming(false)}
              onRefused={(error) => {
                setConfirming(false);
                setRefusal(error);
              }}
              onClosed={(closed) => {
                setConfirming(false);
                setRefusal(null);
                notifications.show({ color: 'green', message: `Business day ${closed.businessDate} is closed.` });
                day.reload();
              }}
            />
          )}
        </>
      )}
    </Stack>
  );
}
