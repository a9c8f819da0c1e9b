import { Badge } from '@mantine/core';
import { usePlanAlerts, usePlanAlertsPolling } from '../../state/plans.js';

/** The navigation's count of plan alerts not yet acknowledged; nothing while there are none. */
export function PlanAlertCount() {
  usePlanAlertsPolling();
  const open = usePlanAlerts((s) => s.open);
  if (!open) return null;
  return (
    <Badge size="sm" color="red" circle={open < 10} data-testid="plan-alert-count" aria-label={`${open} open`}>
      {open}
    </Badge>
  );
}
