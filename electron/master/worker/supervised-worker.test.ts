import { afterEach, describe, expect, it } from 'vitest';
import { ProcessRunner } from '../process/process-runner.js';
import { isAlive, nodeWorker, silentLogger, waitFor } from '../test-support/fixtures.js';
import { SupervisedWorker } from './supervised-worker.js';

const workers: SupervisedWorker[] = [];

function supervise(config: ReturnType<typeof nodeWorker>): SupervisedWorker {
  const worker = new SupervisedWorker({
    config,
    runner: new ProcessRunner(config, silentLogger),
    logger: silentLogger,
    logLines: 100,
  });
  workers.push(worker);
  return worker;
}

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.kill()));
});

const LONG_RUNNING = 'setInterval(() => {}, 1000)';
const CRASH = 'setTimeout(() => process.exit(3), 20)';

describe('SupervisedWorker', () => {
  it('starts, reports its pid, and stops gracefully back to idle', async () => {
    const worker = supervise(nodeWorker('steady', LONG_RUNNING));
    await worker.start();
    const pid = worker.pid as number;
    expect(worker.state).toBe('running');
    expect(isAlive(pid)).toBe(true);

    await worker.stop();

    expect(worker.state).toBe('idle');
    expect(isAlive(pid)).toBe(false);
    const path = worker.diagnostics().transitions.map((t) => t.to);
    expect(path).toEqual(['starting', 'running', 'stopping', 'idle']);
  });

  it('restarts a crashing worker with back-off and is degraded after max_retries', async () => {
    const worker = supervise(
      nodeWorker('crasher', CRASH, {
        restart: { max_retries: 3, retry_delay: '10ms', backoff_factor: 2, max_delay: '40ms' },
      }),
    );
    await worker.start();
    await waitFor('degraded', () => worker.state === 'degraded');

    const diagnostics = worker.diagnostics();
    const backoffs = diagnostics.transitions.filter((t) => t.to === 'backoff');
    expect(backoffs.map((t) => t.cause)).toEqual([
      expect.stringContaining('restarting in 10ms (attempt 1 of 3)'),
      expect.stringContaining('restarting in 20ms (attempt 2 of 3)'),
      expect.stringContaining('restarting in 40ms (attempt 3 of 3)'),
    ]);
    expect(diagnostics.restarts).toBe(3);
    expect(diagnostics.lastError).toMatch(/gave up after 3 restarts: exited with code 3/);
    expect(diagnostics.lastExit?.code).toBe(3);
  });

  it('leaves degraded and failed_start behind when started by hand', async () => {
    const worker = supervise(nodeWorker('again', CRASH, { restart: { max_retries: 0 } }));
    await worker.start();
    await waitFor('degraded', () => worker.state === 'degraded');
    await worker.start();
    expect(['running', 'backoff', 'degraded']).toContain(worker.state);
  });

  it('does not restart under policy never, and exits cleanly under on-failure', async () => {
    const never = supervise(nodeWorker('never', CRASH, { restart: { policy: 'never' } }));
    const clean = supervise(nodeWorker('clean', 'process.exit(0)'));
    await Promise.all([never.start(), clean.start()]);
    await waitFor('both exited', () => never.state === 'exited' && clean.state === 'exited');
    expect(never.diagnostics().lastError).toBe('exited with code 3');
    expect(clean.diagnostics().lastError).toBeNull();
  });

  it('restarts a clean exit under policy always', async () => {
    const worker = supervise(
      nodeWorker('always', 'setTimeout(() => process.exit(0), 20)', {
        restart: { policy: 'always', retry_delay: '0s', max_retries: 50 },
      }),
    );
    await worker.start();
    await waitFor('two restarts', () => worker.diagnostics().restarts >= 2);
    await worker.stop();
    expect(worker.state).toBe('idle');
  });

  it('makes a stop during a back-off wait take effect at once', async () => {
    const worker = supervise(nodeWorker('waiting', CRASH, { restart: { retry_delay: '1h' } }));
    await worker.start();
    await waitFor('backoff', () => worker.state === 'backoff');
    expect(worker.summary().nextRestartAt).toBeGreaterThan(Date.now());

    await worker.stop();

    expect(worker.state).toBe('idle');
    expect(worker.summary().nextRestartAt).toBeNull();
  });

  it('never undoes an operator stop through the restart policy', async () => {
    const worker = supervise(nodeWorker('kept', LONG_RUNNING, { restart: { policy: 'always' } }));
    await worker.start();
    await worker.stop();
    // A restart would first move the worker to backoff or starting; give it the chance to.
    await new Promise((resolve) => setImmediate(resolve));
    expect(worker.state).toBe('idle');
    expect(worker.diagnostics().transitions.at(-1)?.to).toBe('idle');
  });

  it('gives failed_start naming a missing executable, and conflicts twice', async () => {
    const config = nodeWorker('missing', '', { restart: { policy: 'never' } });
    const worker = supervise({ ...config, executable_path: '/nonexistent/bin/worker' });
    await expect(worker.start()).rejects.toThrow(/\/nonexistent\/bin\/worker/);
    expect(worker.state).toBe('failed_start');
    expect(worker.diagnostics().executableExists).toBe(false);

    const steady = supervise(nodeWorker('twice', LONG_RUNNING));
    await steady.start();
    await expect(steady.start()).rejects.toMatchObject({ kind: 'conflict' });
    await steady.stop();
    await expect(steady.stop()).rejects.toMatchObject({ kind: 'conflict' });
  });

  it('restart gives a new pid and a force restart kills at once', async () => {
    const worker = supervise(
      nodeWorker('stubborn', "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)", {
        graceful_timeout: '1h',
      }),
    );
    await worker.start();
    const first = worker.pid as number;
    await worker.restart(true);
    expect(worker.pid).not.toBe(first);
    expect(isAlive(first)).toBe(false);
    expect(worker.state).toBe('running');
    expect(worker.diagnostics().restarts).toBe(1);
  });

  it('records output and its own notes in the log buffer', async () => {
    const worker = supervise(
      nodeWorker('talker', "console.log('out'); console.error('err'); process.exit(2)", {
        restart: { policy: 'never' },
      }),
    );
    await worker.start();
    await waitFor('exit', () => worker.state === 'exited');
    await waitFor('output', () => worker.logs.size >= 3);
    const lines = worker.logs.tail().map((l) => `${l.stream}:${l.text}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        'stdout:out',
        'stderr:err',
        expect.stringMatching(/^system:exited with code 2/),
      ]),
    );
  });

  it('kills at once on a forced stop, without waiting out graceful_timeout', async () => {
    const worker = supervise(
      nodeWorker('deaf', "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)", {
        graceful_timeout: '1h',
      }),
    );
    await worker.start();
    const pid = worker.pid as number;
    await worker.stop('killed by operator', { force: true });
    expect(worker.state).toBe('idle');
    expect(isAlive(pid)).toBe(false);
  });

  it('kill() also ends a stop whose leader is gone but whose stray descendant lives', async () => {
    const config = nodeWorker('stray', '', { graceful_timeout: '1h' });
    const worker = supervise({
      ...config,
      executable_path: 'sh',
      args: ['-c', 'setsid sleep 300 & echo stray $!; exec sleep 301'],
    });
    await worker.start();
    const stray = await waitFor('the stray pid', () => {
      const line = worker.logs.tail().find((l) => l.text.startsWith('stray '));
      return line ? Number(line.text.split(' ')[1]) : null;
    });
    const stopping = worker.stop();
    // The leader dies of SIGTERM; the stop then waits on the descendant that left the group.
    await waitFor('the leader gone', () => worker.pid === null);
    expect(isAlive(stray)).toBe(true);

    await worker.kill();

    expect(isAlive(stray)).toBe(false);
    await stopping;
  });
});
