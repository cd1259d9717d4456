import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref } from './route.js';

describe('parseRoute', () => {
  it('reads each view and the worker detail', () => {
    expect(parseRoute('')).toEqual({ view: 'workers' });
    expect(parseRoute('#/workers')).toEqual({ view: 'workers' });
    expect(parseRoute('#/workers/api')).toEqual({ view: 'worker', id: 'api' });
    expect(parseRoute('#/alerts')).toEqual({ view: 'alerts' });
    expect(parseRoute('#/master')).toEqual({ view: 'master' });
    expect(parseRoute('#/config')).toEqual({ view: 'config' });
  });

  it('falls back to the workers view for anything else', () => {
    expect(parseRoute('#/nowhere')).toEqual({ view: 'workers' });
    expect(parseRoute('#/workers/%E0%A4%A')).toEqual({ view: 'workers' });
  });

  it('round-trips a worker id through its link', () => {
    const href = routeHref({ view: 'worker', id: 'my_worker-1' });
    expect(href).toBe('#/workers/my_worker-1');
    expect(parseRoute(href)).toEqual({ view: 'worker', id: 'my_worker-1' });
  });
});
