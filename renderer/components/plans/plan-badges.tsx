import { Badge } from '@mantine/core';
import type { PlanView } from '../../../core/api/calls/plans.js';
import type { PlanStatus } from '../../../core/plans/plan.js';
import { PLAN_STATUS_COLORS, PLAN_STATUS_LABELS, STANDING_COLORS, STANDING_LABELS } from '../../plans/words.js';

/** On track (green), at risk (yellow), broken (red), completed (blue), cancelled (grey). */
export function PlanStatusBadge({ status, size = 'md' }: { status: PlanStatus; size?: 'md' | 'lg' }) {
  return (
    <Badge color={PLAN_STATUS_COLORS[status]} variant={size === 'lg' ? 'filled' : 'light'} size={size}>
      {PLAN_STATUS_LABELS[status]}
    </Badge>
  );
}

/** The account is held from disconnection while this plan is kept. */
export function HoldBadge({ size = 'md' }: { size?: 'md' | 'lg' }) {
  return (
    <Badge color="teal" variant="outline" size={size} title="The centre does not disconnect this account while the plan is kept">
      Disconnection hold
    </Badge>
  );
}

export function StandingBadge({ standing }: { standing: PlanView['installments'][number]['standing'] }) {
  return (
    <Badge color={STANDING_COLORS[standing]} variant="light">
      {STANDING_LABELS[standing]}
    </Badge>
  );
}
