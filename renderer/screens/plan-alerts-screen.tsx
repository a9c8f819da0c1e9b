import { Anchor, Badge, Button, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { CallOutput } from '../../core/api/contract.js';
import { ErrorAlert } from '../components/error-alert.js';
import { Loading } from '../components/loading.js';
import { AcknowledgeDialog } from '../components/plans/acknowledge-dialog.js';
import { useCall } from '../hooks/use-call.js';
import { ALERT_KIND_LABELS } from '../plans/words.js';
import { usePlanAlerts } from '../state/plans.js';
import { go } from '../state/router.js';
import { useLoadedSettings } from '../state/settings.js';
import { clockTime } from '../sync/words.js';
import { PlanNumberLink } from '../components/plans/plan-number-link.js';

type PlanAlert = CallOutput<'plan-alerts'>['alerts'][number];

/** Missed installments and broken plans for the recovery desk, newest first; each is acknowledged with a note. */
export function PlanAlertsScreen() {
  const [includeAcknowledged, setIncludeAcknowledged] = useState(false);
  const alerts = useCall('plan-alerts', { includeAcknowledged });
  const [acknowledging, setAcknowledging] = useState<PlanAlert | null>(null);
  // The list's own answer carries the count: the navigation's badge shows the same.
  const open = alerts.status === 'ok' ? alerts.value.open : null;
  useEffect(() => {
    if (open !== null) usePlanAlerts.getState().show(open);
  }, [open]);

  return (
    <Stack gap="md" maw={1100} mx="auto">
      <Group justify="space-between">
        <Title order={1} size="h3">
          Plan alerts
        </Title>
        <Switch label="Show acknowledged" checked={includeAcknowledged} onChange={(e) => setIncludeAcknowledged(e.currentTarget.checked)} />
      </Group>
      {alerts.status === 'loading' && <Loading what="plan alerts" />}
      {alerts.status === 'error' && <ErrorAlert title="Plan alerts could not be loaded" error={alerts.error} onRetry={alerts.reload} />}
      {alerts.status === 'ok' && alerts.value.alerts.length === 0 && (
        <Paper withBorder p="lg">
          <Text c="dimmed">{includeAcknowledged ? 'No alerts.' : 'No open alerts. Every plan is on track or its alert has been seen.'}</Text>
        </Paper>
      )}
      {alerts.status === 'ok' && alerts.value.alerts.length > 0 && (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Alerts">
          {alerts.value.alerts.map((alert) => (
            <AlertItem key={alert.id} alert={alert} onAcknowledge={() => setAcknowledging(alert)} />
          ))}
        </Stack>
      )}
      {acknowledging && (
        <AcknowledgeDialog
          alert={acknowledging}
          onClose={() => setAcknowledging(null)}
          onDone={() => {
            setAcknowledging(null);
            alerts.reload();
            void usePlanAlerts.getState().refresh();
          }}
        />
      )}
    </Stack>
  );
}

function AlertItem({ alert, onAcknowledge }: { alert: PlanAlert; onAcknowledge(): void }) {
  const { dateFormat } = useLoadedSettings();
  const when = (iso: string) => clockTime(iso, dateFormat, new Date());
  const broken = alert.kind === 'broken';

  return (
    <Paper component="li" withBorder p="md" aria-label={`${ALERT_KIND_LABELS[alert.kind]}: ${alert.planNumber}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Group gap="sm">
            <Badge color={broken ? 'red' : 'yellow'} variant="light">
              {ALERT_KIND_LABELS[alert.kind]}
            </Badge>
            <PlanNumberLink planId={alert.planId} number={alert.planNumber} />
            <Anchor component="button" type="button" onClick={() => go({ name: 'account', consumerId: alert.consumerId })}>
              {alert.consumerName} · {alert.accountNumber}
            </Anchor>
          </Group>
          <Text size="sm">{alert.message}</Text>
          <Text size="xs" c="dimmed">
            Raised {when(alert.raisedAt)}
            {alert.acknowledgedAt && ` · acknowledged ${when(alert.acknowledgedAt)}${alert.acknowledgedBy ? ` by ${alert.acknowledgedBy}` : ''}`}
          </Text>
          {alert.note && <Text size="sm">Note: {alert.note}</Text>}
        </Stack>
        {!alert.acknowledgedAt && (
          <Button variant="light" size="xs" onClick={onAcknowledge}>
            Acknowledge
          </Button>
        )}
      </Group>
    </Paper>
  );
}
