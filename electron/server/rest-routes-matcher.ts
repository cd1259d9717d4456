// Finds the REST route for a method and path, with its worker id decoded.
import { REST_ROUTES, type RestRoute } from '../../shared/rest-routes.js';

interface CompiledRoute {
  route: RestRoute;
  pattern: RegExp;
}

const COMPILED: CompiledRoute[] = REST_ROUTES.map((route) => ({
  route,
  pattern: new RegExp(`^${route.path.replace(':id', '([^/]+)')}$`),
}));

export type RouteMatch =
  | { kind: 'found'; route: RestRoute; id: string | undefined }
  | { kind: 'wrong_method'; allowed: string[] }
  | { kind: 'unknown' };

export function matchRoute(method: string, pathname: string): RouteMatch {
  const allowed: string[] = [];
  for (const { route, pattern } of COMPILED) {
    const match = pattern.exec(pathname);
    if (!match) continue;
    if (route.method !== method) {
      allowed.push(route.method);
      continue;
    }
    const raw = match[1];
    // A malformed escape cannot name a worker; the schema turns it away with the field named.
    return { kind: 'found', route, id: raw === undefined ? undefined : safeDecode(raw) };
  }
  return allowed.length > 0 ? { kind: 'wrong_method', allowed } : { kind: 'unknown' };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
