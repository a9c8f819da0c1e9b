import { Button, Group } from '@mantine/core';
import { ADMINISTERS, CLOSES_DAYS, EVERY_ROLE, MANAGES_PLANS, TAKES_PAYMENTS, VIEWS_WORKSPACE, type Role } from '../../core/auth/roles.js';
import { go, useRouter, type Route } from '../state/router.js';
import { PlanAlertCount } from './plans/plan-alert-count.js';

const PLACES: Array<{ label: string; route: Route; roles: readonly Role[] }> = [
  { label: 'Dashboard', route: { name: 'dashboard' }, roles: EVERY_ROLE },
  { label: 'Payments', route: { name: 'workspace' }, roles: VIEWS_WORKSPACE },
  { label: 'Till', route: { name: 'till' }, roles: TAKES_PAYMENTS },
  { label: 'End of day', route: { name: 'end-of-day' }, roles: CLOSES_DAYS },
  { label: 'Payment modes', route: { name: 'payment-modes' }, roles: ADMINISTERS },
  { label: 'Till settings', route: { name: 'till-settings' }, roles: ADMINISTERS },
  { label: 'Recovery', route: { name: 'recovery' }, roles: MANAGES_PLANS },
  { label: 'Plan alerts', route: { name: 'plan-alerts' }, roles: MANAGES_PLANS },
  { label: 'Collection report', route: { name: 'collection-report' }, roles: MANAGES_PLANS },
  { label: 'Plan settings', route: { name: 'plan-settings' }, roles: ADMINISTERS },
];

/** The header's second row: the dashboard, and the screens beyond the counter's own flow that this user's role may open. */
export function AppNavigation({ role }: { role: Role }) {
  const here = useRouter((s) => s.route.name);
  const places = PLACES.filter((p) => p.roles.includes(role));
  return (
    <Group component="nav" aria-label="Main" gap={4} wrap="nowrap" h={40} px="md" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
      {places.map((place) => (
        <Button key={place.label} variant={here === place.route.name ? 'light' : 'subtle'} size="xs" aria-current={here === place.route.name ? 'page' : undefined} rightSection={place.route.name === 'plan-alerts' ? <PlanAlertCount /> : undefined} onClick={() => go(place.route)}>
          {place.label}
        </Button>
      ))}
    </Group>
  );
}
