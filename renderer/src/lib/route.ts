// Hash routes: #/workers, #/workers/<id>, #/alerts, #/master, #/config.
export type Route =
  | { view: 'workers' }
  | { view: 'worker'; id: string }
  | { view: 'alerts' }
  | { view: 'master' }
  | { view: 'config' };

export type TopView = 'workers' | 'alerts' | 'master' | 'config';

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [first, second] = parts;
  switch (first) {
    case 'workers':
      if (second) {
        try {
          return { view: 'worker', id: decodeURIComponent(second) };
        } catch {
          return { view: 'workers' };
        }
      }
      return { view: 'workers' };
    case 'alerts':
    case 'master':
    case 'config':
      return { view: first };
    default:
      return { view: 'workers' };
  }
}

export function routeHref(route: Route): string {
  return route.view === 'worker' ? `#/workers/${encodeURIComponent(route.id)}` : `#/${route.view}`;
}
