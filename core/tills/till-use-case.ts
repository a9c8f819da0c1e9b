import { conflict, notFound } from '../api/errors.js';
import { APPROVES } from '../auth/roles.js';
import type { Ports } from '../ports.js';
import type { UseCaseContext } from '../payments/record-payment.js';
import { tillAccount, type TillLine, type TillSessionRecord } from './till-session.js';

/** The session asked for; refused naming the field when there is none. */
export function findTill(ports: Ports, tillSessionId: string): TillSessionRecord {
  const session = ports.tills.session(tillSessionId);
  if (!session) throw notFound('tillSessionId', 'No till session with this id');
  return session;
}

/** Only the cashier whose drawer it is works it; a branch manager may count or close it for them. */
export function assertWorksTill(session: TillSessionRecord, context: UseCaseContext, { managerMay }: { managerMay: boolean }): void {
  if (session.cashierId === context.user.id) return;
  if (managerMay && APPROVES.includes(context.user.role)) return;
  throw conflict('tillSessionId', `Till ${session.number} belongs to another cashier; work your own till`);
}

export function assertOpen(session: TillSessionRecord): void {
  if (session.status === 'closed') throw conflict('tillSessionId', `Till ${session.number} is closed and takes nothing more`);
  if (session.status === 'awaiting_approval') throw conflict('tillSessionId', `Till ${session.number} has been counted and is waiting for a manager's approval`);
}

/** A till line, its audit entry and its sync posting, written together: till records are local first, like payments. */
export function writeTillLine(ports: Ports, line: TillLine, context: UseCaseContext, postingKind: string, payload: unknown): void {
  ports.tills.appendLine(line);
  ports.audit.append({ id: ports.newId(), at: context.now, userId: context.user.id, action: postingKind, entity: 'till_session', entityId: line.tillSessionId, before: null, after: line });
  ports.outbox.add({ id: ports.newId(), kind: postingKind, aggregateId: line.tillSessionId, accountId: tillAccount(line.tillSessionId), amount: 0, tillSessionId: line.tillSessionId, payload, createdAt: context.now });
}
