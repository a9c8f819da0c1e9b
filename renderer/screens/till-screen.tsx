import { Badge, Button, Group, Kbd, Paper, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { TillSessionView } from '../../core/api/calls/tills.js';
import { ErrorAlert } from '../components/error-alert.js';
import { Loading } from '../components/loading.js';
import { SummaryList } from '../components/summary-list.js';
import { CashMoveDialog } from '../components/till/cash-move-dialog.js';
import { OpenTillForm } from '../components/till/open-till-form.js';
import { TillClose } from '../components/till/till-close.js';
import { TillReportPanel } from '../components/till/till-report-panel.js';
import { useFormat } from '../hooks/use-format.js';
import { go } from '../state/router.js';
import { useLoadedSettings } from '../state/settings.js';
import { useTill, type CurrentTill } from '../state/till.js';
import { clockTime } from '../sync/words.js';
import { TILL_STATUS_COLORS, TILL_STATUS_LABELS } from '../tills/words.js';

/** Esc inside a dialog closes the dialog, and only that. */
const fromDialog = (event: KeyboardEvent) => event.target instanceof Element && event.target.closest('[role="dialog"]') !== null;

/**
 * The cashier's till: open it with a float; while open, cash in and out, the
 * X report and the close; once closed, its Z report.
 */
export function TillScreen() {
  const current = useTill((s) => s.current);
  const error = useTill((s) => s.error);
  const closedId = useTill((s) => s.closedId);
  const toDashboard = () => go({ name: 'dashboard' });
  useHotkeys([['Escape', (event) => !fromDialog(event) && toDashboard()]]);
  // The header asked at sign-in; coming to the screen asks again, the till may have moved on since.
  useEffect(() => void useTill.getState().refresh(), []);

  return (
    <Stack gap="md" maw={1100} mx="auto">
      <Group justify="space-between" align="center">
        <Title order={1} size="h3">
          Till
        </Title>
        <Button variant="default" onClick={toDashboard} rightSection={<Kbd size="xs">Esc</Kbd>}>
          Return to dashboard
        </Button>
      </Group>
      {!current && error && <ErrorAlert title="Your till could not be loaded" error={error} onRetry={() => void useTill.getState().refresh()} />}
      {!current && !error && <Loading what="your till" />}
      {current && current.till && <WorkingTill key={current.till.id} till={current.till} rules={current.rules} />}
      {current && !current.till && closedId && <ClosedTill tillSessionId={closedId} />}
      {current && !current.till && !closedId && <OpenTillForm rules={current.rules} />}
    </Stack>
  );
}

type View = 'overview' | 'x-report' | 'close';

function WorkingTill({ till, rules }: { till: TillSessionView; rules: CurrentTill['rules'] }) {
  const { money } = useFormat();
  const { dateFormat } = useLoadedSettings();
  const [view, setView] = useState<View>('overview');
  const [moving, setMoving] = useState(false);
  const [moves, setMoves] = useState(0);
  const waiting = till.status === 'awaiting_approval';
  const shown: View = waiting ? 'close' : view;

  return (
    <>
      <Paper withBorder p="lg" component="section" aria-labelledby="till-title">
        <Stack gap="md">
          <Group gap="sm">
            <Title order={2} size="h4" id="till-title">
              Till {till.number}
            </Title>
            <Badge color={TILL_STATUS_COLORS[till.status]} variant="light" size="lg">
              {TILL_STATUS_LABELS[till.status]}
            </Badge>
          </Group>
          <SummaryList
            rows={[
              ['Cashier', till.cashier.name],
              ['Business day', till.businessDate],
              ['Opened at', clockTime(till.openedAt, dateFormat, new Date())],
              ['Opening float', money(till.openingFloat)],
            ]}
          />
          {waiting ? (
            <Text size="sm">The till has been counted and waits for a branch manager's approval. It takes no payments until it is closed.</Text>
          ) : (
            <Group>
              <Button variant="default" onClick={() => setMoving(true)}>
                Cash in / out
              </Button>
              <Button variant={shown === 'x-report' ? 'filled' : 'default'} onClick={() => setView('x-report')}>
                X report
              </Button>
              <Button color="orange" variant={shown === 'close' ? 'filled' : 'light'} onClick={() => setView('close')}>
                Close till
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
      {shown === 'x-report' && (
        <Paper withBorder p="lg" component="section" aria-labelledby="x-report-title">
          <Title order={2} size="h4" id="x-report-title" mb="md">
            X report
          </Title>
          <TillReportPanel key={moves} tillSessionId={till.id} kind="x_report" />
        </Paper>
      )}
      {shown === 'close' && (
        <Paper withBorder p="lg">
          <TillClose till={till} rules={rules} onCancel={() => setView('overview')} onClosed={(id) => useTill.getState().closed(id)} />
        </Paper>
      )}
      {moving && (
        <CashMoveDialog
          tillSessionId={till.id}
          rules={rules}
          onClose={() => setMoving(false)}
          onMoved={() => {
            setMoving(false);
            setMoves((n) => n + 1);
          }}
        />
      )}
    </>
  );
}

function ClosedTill({ tillSessionId }: { tillSessionId: string }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="z-report-title">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4" id="z-report-title">
          Z report
        </Title>
        <Button variant="light" onClick={() => useTill.getState().forgetClosed()}>
          Open a new till
        </Button>
      </Group>
      <TillReportPanel tillSessionId={tillSessionId} kind="z_report" />
    </Paper>
  );
}
