import http from 'node:http';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { healthCheck, type HealthCheckConfig } from '../../../shared/config-schema.js';
import type { HealthStatus } from '../../../shared/types.js';
import { HealthMonitor } from './health-monitor.js';
import { cleanupAfterEach, serveHttp } from './test-support/health-fixtures.js';

const logger = pino({ level: 'silent' });
const cleanups = cleanupAfterEach();

function serve(handler: http.RequestListener): Promise<string> {
  return serveHttp(handler, cleanups);
}

function monitor(config: HealthCheckConfig, historySize = 200): HealthMonitor {
  const health = new HealthMonitor(config, { pid: () => null }, { historySize, logger });
  cleanups.push(() => health.stop());
  return health;
}

async function waitFor(what: string, predicate: () => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('HealthMonitor', () => {
  it('follows a server from healthy via degraded to unhealthy, announcing it once', async () => {
    let status = 200;
    const url = await serve((_req, res) => res.writeHead(status).end());
    const health = monitor(
      healthCheck.parse({
        type: 'http',
        http: { url },
        run_options: { interval: '300ms', timeout: '250ms', retries: 3 },
      }),
    );
    const statuses: HealthStatus[] = [];
    let unhealthy = 0;
    health.on('result', (next) => statuses.push(next));
    health.on('unhealthy', () => unhealthy++);

    expect(health.status).toBe('unknown');
    health.start();
    await waitFor('two passing checks', () => health.history().filter((r) => r.ok).length >= 2);
    expect(health.status).toBe('healthy');
    status = 500;
    await waitFor('unhealthy', () => health.status === 'unhealthy');
    const failuresSoFar = health.history().filter((r) => !r.ok).length;
    await waitFor('two more failures', () => {
      return health.history().filter((r) => !r.ok).length >= failuresSoFar + 2;
    });

    const history = health.history();
    const firstFailure = history.findIndex((r) => !r.ok);
    expect(history.slice(0, firstFailure).every((r) => r.ok)).toBe(true);
    expect(history[firstFailure]?.message).toBe('HTTP 500, expected 2xx');
    expect(statuses.indexOf('healthy')).toBeLessThan(statuses.indexOf('degraded'));
    expect(statuses.indexOf('degraded')).toBeLessThan(statuses.indexOf('unhealthy'));
    expect(unhealthy).toBe(1);
    expect(health.status).toBe('unhealthy');
  });

  it('turns healthy again on a success, and may be announced unhealthy again later', async () => {
    let status = 500;
    const url = await serve((_req, res) => res.writeHead(status).end());
    const health = monitor(
      healthCheck.parse({
        type: 'http',
        http: { url },
        run_options: { interval: '300ms', timeout: '250ms', retries: 1 },
      }),
    );
    let unhealthy = 0;
    health.on('unhealthy', () => unhealthy++);

    health.start();
    await waitFor('unhealthy', () => health.status === 'unhealthy');
    status = 200;
    await waitFor('healthy', () => health.status === 'healthy');
    status = 500;
    await waitFor('unhealthy again', () => health.status === 'unhealthy');

    expect(unhealthy).toBe(2);
  });

  it('never runs two checks at once, even when a check outlasts the interval', async () => {
    let inFlight = 0;
    let most = 0;
    let served = 0;
    const url = await serve((_req, res) => {
      inFlight++;
      most = Math.max(most, inFlight);
      setTimeout(() => {
        inFlight--;
        served++;
        res.end();
      }, 200);
    });
    // The schema demands timeout < interval; built by hand here so that only the scheduler
    // stands between a slow check and an overlapping one.
    const health = monitor({
      type: 'http',
      http: { url, method: 'GET', headers: {} },
      run_options: { interval: '20ms', timeout: '5s', initial_delay: '0s', retries: 3 },
    });

    health.start();
    await waitFor('four checks served', () => served >= 4);

    expect(most).toBe(1);
    expect(health.history().every((r) => r.ok)).toBe(true);
  });

  it('waits out initial_delay before the first check', async () => {
    let requests = 0;
    const url = await serve((_req, res) => {
      requests++;
      res.end();
    });
    const health = monitor(
      healthCheck.parse({
        type: 'http',
        http: { url },
        run_options: { interval: '5s', timeout: '1s', initial_delay: '400ms' },
      }),
    );

    const started = Date.now();
    health.start();
    await waitFor('the first check', () => health.history().length === 1);

    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    expect(requests).toBe(1);
  });

  it('aborts the check in flight on stop and records nothing more', async () => {
    let arrived = 0;
    let closed = 0;
    const url = await serve((_req, res) => {
      arrived++;
      res.on('close', () => closed++);
    });
    const health = monitor(
      healthCheck.parse({
        type: 'http',
        http: { url },
        run_options: { interval: '10s', timeout: '5s' },
      }),
    );

    health.start();
    await waitFor('a request in flight', () => arrived === 1);
    health.stop();
    await waitFor('the request to be dropped', () => closed === 1);

    expect(health.history()).toEqual([]);
    expect(health.status).toBe('unknown');
    expect(health.running).toBe(false);
  });

  it('keeps a bounded history', async () => {
    const url = await serve((_req, res) => res.end());
    const health = monitor(
      healthCheck.parse({
        type: 'http',
        http: { url },
        run_options: { interval: '20ms', timeout: '15ms', retries: 100 },
      }),
      10,
    );
    let results = 0;
    health.on('result', () => results++);

    health.start();
    await waitFor('fifteen results', () => results >= 15);

    expect(health.history()).toHaveLength(10);
  });
});
