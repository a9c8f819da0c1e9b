import type { Route } from './router.js';
import { decodeView, encodeView } from '../workspace/view.js';

/**
 * Routes as the address's #hash ("#/receipt/<id>", "#/workspace?tab=credit-notes&cstatus=active"),
 * so the browser's Back (and a reload) comes back to the same screen, and the
 * workspace to the same search and filters. Every route is listed: a new one
 * does not compile until it says how it is written.
 */
const PARAMS: { [N in Route['name']]: Exclude<keyof Extract<Route, { name: N }>, 'name' | 'view'> | null } = {
  dashboard: null,
  account: 'consumerId',
  payment: 'consumerId',
  review: null,
  receipt: 'paymentId',
  'credit-note': 'creditNoteId',
  'payment-modes': null,
  'till-settings': null,
  sync: null,
  till: null,
  'end-of-day': null,
  recovery: null,
  plan: 'planId',
  'plan-new': 'consumerId',
  'plan-alerts': null,
  'collection-report': null,
  'plan-settings': null,
  workspace: null,
};

const HOME: Route = { name: 'dashboard' };

export function hashOf(route: Route): string {
  const param = PARAMS[route.name];
  const id = param ? `/${encodeURIComponent((route as Record<string, string>)[param]!)}` : '';
  const query = route.name === 'workspace' && route.view ? encodeView(route.view) : '';
  return `#/${route.name}${id}${query ? `?${query}` : ''}`;
}

/** The route an address shows; anything it cannot read is the dashboard. */
export function routeFromHash(hash: string): Route {
  const match = /^#\/([a-z-]+)(?:\/([^/?]+))?(?:\?(.*))?$/.exec(hash);
  if (!match) return HOME;
  const [, name, id, query] = match;
  if (!name || !Object.hasOwn(PARAMS, name)) return HOME;
  const routeName = name as Route['name'];
  if (routeName === 'workspace') return query ? { name: 'workspace', view: decodeView(query) } : { name: 'workspace' };
  const param = PARAMS[routeName];
  if (!param) return { name: routeName } as Route;
  const value = id ? safeDecode(id) : null;
  return value ? ({ name: routeName, [param]: value } as Route) : HOME;
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
