import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { masterConfig } from '../../shared/config-schema.js';
import type { LoadedConfig } from './config/loaded-config.js';
import { Master } from './master.js';
import {
  isAlive,
  moduleConfig,
  nodeWorker,
  silentLogger,
  waitFor,
} from './test-support/fixtures.js';

const masters: Master[] = [];
const servers: Server[] = [];

function createMaster(workers: LoadedConfig['workers'], master: object = {}): Master {
  const config: LoadedConfig = {
    path: null,
    dir: process.cwd(),
    master: masterConfig.parse({ sample_interval: '200ms', ...master }),
    workers,
  };
  const created = new Master({ logger: silentLogger, config });
  masters.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(masters.splice(0).map((m) => m.shutdown()));
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

const IDLE = 'setInterval(() => {}, 1000)';

describe('Master', () => {
  it('starts all enabled workers together and stops them all, leaving no process', async () => {
    const master = createMaster([
      nodeWorker('a', IDLE),
      nodeWorker('b', `require('child_process').spawn('sleep', ['300']); ${IDLE}`),
      nodeWorker('off', IDLE, { enabled: false }),
    ]);
    await master.startAll();
    const summaries = master.listWorkers();
    expect(summaries.map((s) => [s.id, s.state])).toEqual([
      ['a', 'running'],
      ['b', 'running'],
      ['off', 'idle'],
    ]);
    const pids = summaries.flatMap((s) => (s.pid ? [s.pid] : []));

    await master.shutdown();

    expect(master.listWorkers().map((s) => s.state)).toEqual(['idle', 'idle', 'idle']);
    for (const pid of pids) expect(isAlive(pid)).toBe(false);
  });

  it('kills a worker that outlasts force_shutdown_timeout', async () => {
    const master = createMaster(
      [
        nodeWorker('stubborn', `process.on('SIGTERM', () => {}); ${IDLE}`, {
          graceful_timeout: '1h',
        }),
      ],
      { force_shutdown_timeout: '300ms' },
    );
    await master.startAll();
    const pid = master.getSummary('stubborn').pid as number;
    await master.shutdown();
    expect(isAlive(pid)).toBe(false);
  });

  it('answers unknown ids with not_found and wrong states with conflict', async () => {
    const master = createMaster([nodeWorker('one', IDLE)]);
    expect(() => master.getDiagnostics('nope')).toThrow(/no worker with id "nope"/);
    await expect(master.stopWorker('one')).rejects.toMatchObject({ kind: 'conflict' });
    expect(() => master.addWorker(nodeWorker('one', IDLE))).toThrow(/already exists/);
  });

  it('restarts a worker whose HTTP health check starts failing', async () => {
    let healthy = true;
    const server = createServer((_req, res) => {
      res.writeHead(healthy ? 200 : 503).end();
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const master = createMaster([
      nodeWorker('checked', IDLE, {
        health_check: {
          type: 'http',
          http: { url: `http://127.0.0.1:${port}/health` },
          run_options: { interval: '200ms', timeout: '150ms', retries: 2 },
        },
        restart: { retry_delay: '0s' },
      }),
    ]);
    await master.startAll();
    const firstPid = master.getSummary('checked').pid;
    await waitFor('healthy', () => master.getHealth('checked').status === 'healthy');

    healthy = false;
    await waitFor('a restart', () => master.getDiagnostics('checked').restarts >= 1);
    await waitFor('the 503 in the history', () =>
      master.getHealth('checked').history.some((r) => !r.ok && /503/.test(r.message)),
    );

    const diagnostics = master.getDiagnostics('checked');
    expect(diagnostics.transitions.some((t) => /^unhealthy \(/.test(t.cause))).toBe(true);
    expect(diagnostics.healthHistory.some((r) => r.ok)).toBe(true);
    expect(master.listAlerts().some((a) => a.kind === 'health' && a.workerId === 'checked')).toBe(
      true,
    );
    await waitFor('running again', () => master.getSummary('checked').state === 'running');
    expect(master.getSummary('checked').pid).not.toBe(firstPid);
  });

  it('restarts a worker that allocates past max_rss_mb and raises an alert', async () => {
    const hog = `const keep = []; setInterval(() => keep.push(Buffer.alloc(8 << 20, 1)), 20);`;
    const master = createMaster([
      nodeWorker('hog', hog, {
        resources: { memory: { max_rss_mb: 120, policy: 'restart' } },
        restart: { retry_delay: '0s', max_retries: 100 },
      }),
    ]);
    await master.startAll();
    const firstPid = master.getSummary('hog').pid;

    await waitFor('a restart', () => master.getDiagnostics('hog').restarts >= 1);

    const alerts = master.listAlerts().filter((a) => a.workerId === 'hog' && a.kind === 'memory');
    expect(alerts.some((a) => a.severity === 'critical')).toBe(true);
    expect(
      master
        .getDiagnostics('hog')
        .transitions.map((t) => t.cause)
        .join('\n'),
    ).toMatch(/memory/i);
    expect(master.getMetrics('hog').length).toBeGreaterThan(0);
    await waitFor('new pid', () => {
      const pid = master.getSummary('hog').pid;
      return pid !== null && pid !== firstPid;
    });
  });

  it('measures a worker with two children as the sum of the three processes', async () => {
    const master = createMaster([
      nodeWorker(
        'family',
        `const { spawn } = require('child_process');
         spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
         spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
         ${IDLE}`,
      ),
    ]);
    await master.startAll();
    const sample = await waitFor('a three-process sample', () =>
      master.getMetrics('family').find((s) => s.processCount === 3),
    );
    // Three node processes: each well over 20 MB resident.
    expect(sample.memoryBytes).toBeGreaterThan(3 * 20 * 1024 * 1024);
    expect(master.getDiagnostics('family').resourceUsage).not.toBeNull();
  });

  it('publishes state changes and log lines as events', async () => {
    const master = createMaster([nodeWorker('talk', `console.log('hello'); ${IDLE}`)]);
    const states: string[] = [];
    const lines: string[] = [];
    master.on('transition', (id, t) => states.push(`${id}:${t.to}`));
    master.on('log', (id, line) => lines.push(`${id}:${line.text}`));
    await master.startAll();
    await waitFor('log line', () => lines.includes('talk:hello'));
    expect(states).toEqual(['talk:starting', 'talk:running']);
  });

  it('applies a changed configuration in place: same position, history and log', async () => {
    const first = nodeWorker('first', `console.log('v1'); ${IDLE}`);
    const second = nodeWorker('second', IDLE);
    const master = createMaster([first, second]);
    await master.startAll();
    await waitFor('v1 logged', () => master.getLogs('first').some((l) => l.text === 'v1'));
    await master.restartWorker('first', false);
    await waitFor('v1 logged twice', () =>
      master.getLogs('first').filter((l) => l.text === 'v1').length === 2 ? true : null,
    );
    const secondPid = master.getSummary('second').pid;
    const next: LoadedConfig = {
      path: null,
      dir: process.cwd(),
      master: masterConfig.parse({}),
      workers: [nodeWorker('first', `console.log('v2'); ${IDLE}`), second],
    };

    const outcome = await master.applyConfig(next);

    expect(outcome.plan).toMatchObject({ restart: ['first'], unchanged: ['second'] });
    expect(master.listWorkers().map((s) => s.id)).toEqual(['first', 'second']);
    expect(master.getSummary('first').restarts).toBe(1);
    expect(master.getSummary('second').pid).toBe(secondPid);
    await waitFor('v2 logged', () => master.getLogs('first').some((l) => l.text === 'v2'));
    expect(master.getLogs('first').filter((l) => l.text === 'v1')).toHaveLength(2);
    expect(master.getDiagnostics('first').transitions.at(-1)?.cause).toBe('configuration applied');
  });

  it('counts panics against the threshold afresh after a start by hand', async () => {
    let throwsLeft = 3;
    const master = createMaster([]);
    master.registerNativeModuleFactory('thrower', () => {
      let timer: NodeJS.Timeout | undefined;
      return {
        initialize: () => {},
        start: () => {
          timer = setInterval(() => {
            if (throwsLeft <= 0) return;
            throwsLeft -= 1;
            throw new Error('tick failed');
          }, 20);
        },
        stop: () => clearInterval(timer),
        isHealthy: () => true,
        getInfo: () => ({
          name: 'thrower',
          version: '1.0.0',
          description: '',
          author: '',
          endpoints: [],
        }),
      };
    });
    master.addWorker(
      moduleConfig('thrower', {
        module_type: 'native',
        module_name: 'thrower',
        panic_threshold: 2,
      }),
    );
    await master.startWorker('thrower');
    await waitFor('degraded', () => master.getSummary('thrower').state === 'degraded');

    throwsLeft = 1;
    await master.startWorker('thrower');
    await waitFor('one more panic', () => throwsLeft === 0);
    await waitFor('the panic recorded', () =>
      master.getDiagnostics('thrower').moduleDiagnostics?.panics === 4 ? true : null,
    );
    expect(master.getSummary('thrower').state).toBe('running');
  });

  it('stops a running worker that the applied file disables, and keeps it listed', async () => {
    const kept = nodeWorker('kept', IDLE);
    const master = createMaster([kept]);
    await master.startAll();
    const pid = master.getSummary('kept').pid as number;

    const outcome = await master.applyConfig({
      path: null,
      dir: process.cwd(),
      master: masterConfig.parse({ sample_interval: '200ms' }),
      workers: [nodeWorker('kept', IDLE, { enabled: false })],
    });

    expect(outcome.plan.stop).toEqual(['kept']);
    expect(master.getSummary('kept')).toMatchObject({ state: 'idle', enabled: false });
    expect(isAlive(pid)).toBe(false);
  });
});
