import { notFound } from '../api/errors.js';
import type { Ports } from '../ports.js';
import type { UseCaseContext } from '../payments/record-payment.js';

/**
 * A recovery executive has seen an alert and says what they did about it.
 * An alert acknowledged already keeps its first acknowledgement: a repeat
 * (a double click) changes nothing.
 */
export function acknowledgeAlert(ports: Ports, request: { alertId: string; note?: string | undefined }, context: UseCaseContext): void {
  const alert = ports.planAlerts.byId(request.alertId);
  if (!alert) throw notFound('alertId', 'No plan alert with this id');
  if (alert.acknowledgedAt) return;
  const note = request.note ? request.note : null;
  ports.planAlerts.acknowledge(alert.id, context.now, context.user.id, note);
  ports.audit.append({ id: ports.newId(), at: context.now, userId: context.user.id, action: 'plan_alert.acknowledge', entity: 'plan_alert', entityId: alert.id, before: null, after: { note } });
}
