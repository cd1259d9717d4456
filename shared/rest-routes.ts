// REST routes of serve mode, mapped onto API methods. The server routes with this table and
// the browser client builds its requests from it, so the two cannot drift apart.
import type { ApiMethod } from './api-contract.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT';

export interface RestRoute {
  method: HttpMethod;
  /** Path under the origin; `:id` is a worker id. */
  path: string;
  api: ApiMethod;
}

export const REST_ROUTES: readonly RestRoute[] = [
  { method: 'GET', path: '/api/workers', api: 'workers.list' },
  { method: 'GET', path: '/api/workers/:id', api: 'workers.get' },
  { method: 'POST', path: '/api/workers/:id/start', api: 'workers.start' },
  { method: 'POST', path: '/api/workers/:id/stop', api: 'workers.stop' },
  { method: 'POST', path: '/api/workers/:id/restart', api: 'workers.restart' },
  { method: 'GET', path: '/api/workers/:id/logs', api: 'workers.logs' },
  { method: 'GET', path: '/api/workers/:id/health', api: 'workers.health' },
  { method: 'GET', path: '/api/workers/:id/metrics', api: 'workers.metrics' },
  { method: 'GET', path: '/api/alerts', api: 'alerts.list' },
  { method: 'POST', path: '/api/alerts/ack', api: 'alerts.ack' },
  { method: 'GET', path: '/api/config', api: 'config.get' },
  { method: 'POST', path: '/api/config/validate', api: 'config.validate' },
  { method: 'PUT', path: '/api/config', api: 'config.save' },
  { method: 'GET', path: '/api/config/plan', api: 'config.plan' },
  { method: 'POST', path: '/api/config/apply', api: 'config.apply' },
  { method: 'GET', path: '/api/master', api: 'master.stats' },
];

/** The WebSocket event stream. Browsers cannot set headers on a WebSocket, so the token
 * travels as a subprotocol `hsu.token.<token>` beside `hsu.v1`. */
export const EVENTS_PATH = '/api/events';
export const WS_PROTOCOL = 'hsu.v1';
export const WS_TOKEN_PROTOCOL_PREFIX = 'hsu.token.';

/** Fills `:id` in a route path. */
export function routePath(route: RestRoute, id?: string): string {
  return id === undefined ? route.path : route.path.replace(':id', encodeURIComponent(id));
}

export function routeFor(api: ApiMethod): RestRoute {
  const route = REST_ROUTES.find((r) => r.api === api);
  if (!route) throw new Error(`no REST route for ${api}`);
  return route;
}
