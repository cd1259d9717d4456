import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { healthCheck, type HealthCheckConfig } from '../../../shared/config-schema.js';
import type { HealthContext } from './checkers.js';
import { isProcessAlive } from './checkers.js';
import { checkOnce } from './run-check.js';
import { cleanupAfterEach, serveHttp } from './test-support/health-fixtures.js';

const noPid: HealthContext = { pid: () => null };
const cleanups = cleanupAfterEach();

function config(input: unknown): HealthCheckConfig {
  return healthCheck.parse(input);
}

function serve(handler: http.RequestListener): Promise<string> {
  return serveHttp(handler, cleanups);
}

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitFor(
  what: string,
  predicate: () => Promise<boolean>,
  ms = 10_000,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('http check', () => {
  it('accepts any 2xx by default and names the status when it fails', async () => {
    let status = 200;
    const url = await serve((_req, res) => res.writeHead(status).end('body'));
    const check = config({ type: 'http', http: { url: `${url}/health` } });

    const ok = await checkOnce(check, noPid);
    status = 503;
    const failing = await checkOnce(check, noPid);

    expect(ok).toMatchObject({ ok: true, message: 'HTTP 200' });
    expect(failing).toMatchObject({ ok: false, message: 'HTTP 503, expected 2xx' });
  });

  it('honours expected_status, method and headers', async () => {
    const seen: { method?: string; token?: string | string[] }[] = [];
    let status = 204;
    const url = await serve((req, res) => {
      seen.push({ method: req.method, token: req.headers['x-token'] });
      res.writeHead(status).end();
    });
    const check = config({
      type: 'http',
      http: { url, method: 'HEAD', headers: { 'X-Token': 'abc' }, expected_status: [204] },
    });

    const accepted = await checkOnce(check, noPid);
    status = 200;
    const rejected = await checkOnce(check, noPid);

    expect(accepted.ok).toBe(true);
    expect(rejected).toMatchObject({ ok: false, message: 'HTTP 200, expected 204' });
    expect(seen).toEqual([
      { method: 'HEAD', token: 'abc' },
      { method: 'HEAD', token: 'abc' },
    ]);
  });

  it('gives up on a server that never answers, within the timeout', async () => {
    const url = await serve(() => {
      // never responds
    });
    const check = config({
      type: 'http',
      http: { url },
      run_options: { interval: '5s', timeout: '300ms' },
    });

    const result = await checkOnce(check, noPid);

    expect(result).toMatchObject({ ok: false, message: 'timed out after 300ms' });
    expect(result.latencyMs).toBeLessThan(3000);
  });
});

describe('tcp check', () => {
  it('passes on a listening port and fails on a closed one', async () => {
    const server = net.createServer((socket) => socket.destroy()).listen(0, '127.0.0.1');
    await once(server, 'listening');
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const open = (server.address() as net.AddressInfo).port;
    const closed = await freePort();

    const up = await checkOnce(config({ type: 'tcp', tcp: { port: open } }), noPid);
    const down = await checkOnce(config({ type: 'tcp', tcp: { port: closed } }), noPid);

    expect(up).toMatchObject({ ok: true, message: `connected to 127.0.0.1:${open}` });
    expect(down.ok).toBe(false);
    expect(down.message).toContain('ECONNREFUSED');
  });
});

describe('exec check', () => {
  it('passes on exit 0 and reports the exit code and last output line otherwise', async () => {
    const pass = config({ type: 'exec', exec: { command: 'sh', args: ['-c', 'echo fine'] } });
    const fail = config({
      type: 'exec',
      exec: { command: 'sh', args: ['-c', 'echo first; echo "disk full" >&2; exit 3'] },
    });

    expect(await checkOnce(pass, noPid)).toMatchObject({ ok: true, message: 'exit code 0: fine' });
    expect(await checkOnce(fail, noPid)).toMatchObject({
      ok: false,
      message: 'exit code 3: disk full',
    });
  });

  it('fails with the cause when the command cannot run', async () => {
    const check = config({ type: 'exec', exec: { command: 'no-such-command-hsu' } });

    const result = await checkOnce(check, noPid);

    expect(result.ok).toBe(false);
    expect(result.message).toContain('cannot run no-such-command-hsu');
  });

  it('cuts a command at its timeout and kills its whole process group', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hsu-exec-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const pidFile = path.join(dir, 'pids');
    // The shell and a background sleep both write their pids; both must die at the timeout.
    const script = `sleep 30 & echo $$ $! > '${pidFile}'; wait`;
    const check = config({
      type: 'exec',
      exec: { command: 'sh', args: ['-c', script] },
      run_options: { interval: '5s', timeout: '1s' },
    });

    const started = Date.now();
    const result = await checkOnce(check, noPid);

    expect(result).toMatchObject({ ok: false, message: 'timed out after 1s' });
    expect(Date.now() - started).toBeLessThan(15_000);
    const pids = (await readFile(pidFile, 'utf8')).trim().split(' ').map(Number);
    expect(pids).toHaveLength(2);
    for (const pid of pids) {
      await waitFor(`process ${pid} to end`, async () => !(await isProcessAlive(pid)));
    }
  });
});

describe('process check', () => {
  it('passes for a live pid and fails for a dead or missing one', async () => {
    const child = spawn(process.execPath, ['-e', '']);
    const dead = child.pid as number;
    await once(child, 'exit');
    const check = config({ type: 'process' });

    const alive = await checkOnce(check, { pid: () => process.pid });
    const gone = await checkOnce(check, { pid: () => dead });
    const none = await checkOnce(check, noPid);

    expect(alive).toMatchObject({ ok: true, message: `process ${process.pid} is alive` });
    expect(gone).toMatchObject({ ok: false, message: `process ${dead} is gone` });
    expect(none).toMatchObject({ ok: false, message: 'no process is running' });
  });
});

describe('module check', () => {
  const check = config({ type: 'module', run_options: { interval: '5s', timeout: '200ms' } });

  it('takes a sync or async verdict from isHealthy()', async () => {
    const sync = await checkOnce(check, { pid: () => null, isHealthy: () => true });
    const async = await checkOnce(check, {
      pid: () => null,
      isHealthy: () => Promise.resolve(false),
    });

    expect(sync.ok).toBe(true);
    expect(async).toMatchObject({ ok: false, message: 'isHealthy() returned false' });
  });

  it('fails when isHealthy() throws, hangs, or is missing', async () => {
    const thrown = await checkOnce(check, {
      pid: () => null,
      isHealthy: () => {
        throw new Error('database unreachable');
      },
    });
    const hung = await checkOnce(check, {
      pid: () => null,
      isHealthy: () => new Promise(() => {}),
    });
    const missing = await checkOnce(check, noPid);

    expect(thrown).toMatchObject({ ok: false, message: 'database unreachable' });
    expect(hung).toMatchObject({ ok: false, message: 'timed out after 200ms' });
    expect(missing.ok).toBe(false);
  });
});
