import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { EventBatch } from '../../shared/api-contract.js';
import {
  REST_ROUTES,
  routePath,
  WS_PROTOCOL,
  WS_TOKEN_PROTOCOL_PREFIX,
} from '../../shared/rest-routes.js';
import type { WorkerSummary } from '../../shared/types.js';
import { EventHub } from '../api/event-hub.js';
import { createRouter } from '../api/router.js';
import { Master } from '../master/master.js';
import {
  isAlive,
  nodeWorker,
  silentLogger,
  tempDir,
  waitFor,
  type TempDir,
} from '../master/test-support/fixtures.js';
import { generateToken } from './auth.js';
import { CONTENT_SECURITY_POLICY } from './responses.js';
import { startServer, type RunningServer } from './start-server.js';
import { request, type Reply } from './test-support/http-client.js';

const SLEEPER = 'setInterval(() => {}, 1000)';

describe('startServer', () => {
  let dir: TempDir;
  let master: Master;
  let hub: EventHub;
  let server: RunningServer;
  let token: string;
  const sockets: WebSocket[] = [];

  const api = (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    request(server.port, method, path, {
      headers: { Authorization: `Bearer ${token}`, ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  const summary = (reply: Reply) => reply.json as WorkerSummary;
  const errorOf = (reply: Reply) =>
    (reply.json as { error: { kind: string; message: string } }).error;

  beforeEach(async () => {
    dir = await tempDir('hsu-server-');
    await mkdir(join(dir.path, 'renderer', 'assets'), { recursive: true });
    await writeFile(
      join(dir.path, 'renderer', 'index.html'),
      '<!doctype html><title>panel</title>',
    );
    await writeFile(join(dir.path, 'renderer', 'assets', 'app.js'), 'export {};');
    await writeFile(join(dir.path, 'secret.txt'), 'outside the static folder');
    master = new Master({ logger: silentLogger });
    master.addWorker(nodeWorker('alpha', SLEEPER));
    master.addWorker(nodeWorker('beta', SLEEPER));
    hub = new EventHub({ master, logger: silentLogger });
    token = generateToken();
    server = await startServer({
      router: createRouter({ master, logger: silentLogger }),
      hub,
      token,
      staticDir: join(dir.path, 'renderer'),
      logger: silentLogger,
    });
  });

  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.terminate();
    await server.close();
    hub.close();
    await master.shutdown();
    await dir.remove();
  });

  function connect(options: {
    protocols?: string[];
    origin?: string;
    headers?: Record<string, string>;
  }) {
    const socket = new WebSocket(
      `ws://127.0.0.1:${server.port}/api/events`,
      options.protocols ?? [],
      {
        origin: options.origin,
        headers: options.headers,
      },
    );
    sockets.push(socket);
    const batches: EventBatch[] = [];
    socket.on('message', (data: Buffer) => batches.push(JSON.parse(data.toString()) as EventBatch));
    const refused = new Promise<number>((resolve) => {
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    });
    socket.on('error', () => {});
    return { socket, batches, refused };
  }

  it('listens on 127.0.0.1 with a free port', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.port).toBeGreaterThan(0);
  });

  it('lists the workers', async () => {
    const reply = await api('GET', '/api/workers');

    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    const workers = reply.json as WorkerSummary[];
    expect(workers.map((w) => w.id)).toEqual(['alpha', 'beta']);
    for (const key of ['id', 'type', 'state', 'pid', 'restarts', 'health', 'cpu', 'memory']) {
      expect(workers[0]).toHaveProperty(key);
    }
    expect(workers[0]?.pid).toBeNull();
  });

  it('starts, restarts and stops a worker process', async () => {
    const started = await api('POST', '/api/workers/alpha/start');
    const pid = summary(started).pid as number;
    expect(started.status).toBe(200);
    expect(pid).toEqual(expect.any(Number));
    expect(isAlive(pid)).toBe(true);

    const restarted = await api('POST', '/api/workers/alpha/restart', { force: true });
    const newPid = summary(restarted).pid as number;
    expect(restarted.status).toBe(200);
    expect(newPid).not.toBe(pid);
    await waitFor('the old process to end', () => !isAlive(pid));

    const stopped = await api('POST', '/api/workers/alpha/stop');
    expect(stopped.status).toBe(200);
    expect(summary(stopped).pid).toBeNull();
    await waitFor('the process to end', () => !isAlive(newPid));
    expect(() => process.kill(newPid, 0)).toThrow();
  });

  it('answers 409 when stopping a stopped worker', async () => {
    const reply = await api('POST', '/api/workers/beta/stop');

    expect(reply.status).toBe(409);
    expect(errorOf(reply).kind).toBe('conflict');
  });

  it('serves diagnostics, logs with a tail, health and metrics', async () => {
    await api('POST', '/api/workers/alpha/start');

    const diagnostics = await api('GET', '/api/workers/alpha');
    const logs = await api('GET', '/api/workers/alpha/logs?tail=5');
    const health = await api('GET', '/api/workers/alpha/health');
    const metrics = await api('GET', '/api/workers/alpha/metrics');
    const stats = await api('GET', '/api/master');

    expect(diagnostics.json).toMatchObject({
      id: 'alpha',
      state: 'running',
      executableExists: true,
    });
    expect(logs.status).toBe(200);
    expect(Array.isArray(logs.json)).toBe(true);
    expect(health.json).toMatchObject({ status: expect.any(String) as string });
    expect(metrics.status).toBe(200);
    expect(stats.json).toMatchObject({ pid: process.pid, workers: { total: 2 } });
  });

  it('refuses every route without the token or with a wrong one', async () => {
    for (const route of REST_ROUTES) {
      const path = routePath(route, 'alpha');
      const none = await request(server.port, route.method, path);
      const wrong = await request(server.port, route.method, path, {
        headers: { Authorization: `Bearer ${token}x` },
      });
      expect([route.api, none.status, wrong.status]).toEqual([route.api, 401, 401]);
      expect(errorOf(none).kind).toBe('auth');
    }
    expect(master.getSummary('alpha').state).toBe('idle');
  });

  it('refuses a foreign Host header', async () => {
    const headers = { Host: `attacker.example:${server.port}` };

    const apiReply = await api('GET', '/api/workers', undefined, headers);
    const page = await request(server.port, 'GET', '/', { headers });
    const otherPort = await api('GET', '/api/workers', undefined, { Host: '127.0.0.1:1' });
    const localhost = await api('GET', '/api/workers', undefined, {
      Host: `localhost:${server.port}`,
    });

    expect([apiReply.status, page.status, otherPort.status]).toEqual([403, 403, 403]);
    expect(localhost.status).toBe(200);
  });

  it('reports bad input with the field named, and unknown routes and methods', async () => {
    const badId = await api('GET', `/api/workers/${encodeURIComponent('../x')}`);
    const longId = await api('GET', `/api/workers/${'a'.repeat(65)}`);
    const badTail = await api('GET', '/api/workers/alpha/logs?tail=zero');
    const badJson = await api('POST', '/api/workers/alpha/restart', '{"force": tru');
    const badBody = await api('POST', '/api/workers/alpha/restart', { force: 'yes' });
    const notObject = await api('POST', '/api/workers/alpha/restart', '[true]');
    const unknown = await api('GET', '/api/nothing');
    const wrongMethod = await api('DELETE', '/api/workers/alpha');

    expect(badId.status).toBe(400);
    expect(errorOf(badId).message).toMatch(/^id: must be 1-64 characters/);
    expect(errorOf(longId).message).toMatch(/^id: /);
    expect(errorOf(badTail).message).toMatch(/^tail: /);
    expect([badJson.status, errorOf(badJson).kind]).toEqual([400, 'validation']);
    expect(errorOf(badBody).message).toMatch(/^force: /);
    expect(notObject.status).toBe(400);
    expect([unknown.status, errorOf(unknown).kind]).toEqual([404, 'not_found']);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.allow).toBe('GET');
  });

  it('refuses a body over the limit', async () => {
    const reply = await api('PUT', '/api/config', { text: 'x'.repeat(6 * 1024 * 1024) });

    expect(reply.status).toBe(413);
    expect(errorOf(reply).kind).toBe('validation');
  });

  it('serves the panel with security headers and falls back to index.html', async () => {
    const page = await request(server.port, 'GET', '/');
    const script = await request(server.port, 'GET', '/assets/app.js');
    const route = await request(server.port, 'GET', '/workers/alpha');
    const missing = await request(server.port, 'GET', '/assets/missing.js');
    const traversal = await request(server.port, 'GET', '/%2e%2e/secret.txt');
    const encoded = await request(server.port, 'GET', '/..%2fsecret.txt');

    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(route.text).toContain('<title>panel</title>');
    expect(missing.status).toBe(404);
    expect(traversal.text).not.toContain('outside');
    expect(encoded.text).not.toContain('outside');
  });

  it('refuses a WebSocket from a foreign origin or without the token', async () => {
    const protocols = [WS_PROTOCOL, `${WS_TOKEN_PROTOCOL_PREFIX}${token}`];
    const foreign = connect({ protocols, origin: 'https://attacker.example' });
    const noToken = connect({ protocols: [WS_PROTOCOL] });
    const wrongToken = connect({ protocols: [WS_PROTOCOL, `${WS_TOKEN_PROTOCOL_PREFIX}nope`] });

    expect(await foreign.refused).toBe(403);
    expect(await noToken.refused).toBe(401);
    expect(await wrongToken.refused).toBe(401);
  });

  it('streams a snapshot and then the batches after a change', async () => {
    const { socket, batches } = connect({
      protocols: [WS_PROTOCOL, `${WS_TOKEN_PROTOCOL_PREFIX}${token}`],
      origin: `http://127.0.0.1:${server.port}`,
    });
    await waitFor('the snapshot', () => batches[0]);
    expect(socket.protocol).toBe(WS_PROTOCOL);
    expect(batches[0]?.seq).toBe(1);
    expect(batches[0]?.snapshot?.workers.map((w) => w.id)).toEqual(['alpha', 'beta']);

    await api('POST', '/api/workers/beta/start');

    const running = await waitFor('a batch with beta running', () =>
      batches.find((b) => b.workers?.some((w) => w.id === 'beta' && w.state === 'running')),
    );
    expect(running.snapshot).toBeUndefined();
  });

  it('accepts the token in an Authorization header from a non-browser client', async () => {
    const { batches } = connect({ headers: { Authorization: `Bearer ${token}` } });

    const first = await waitFor('the snapshot', () => batches[0]);
    expect(first.snapshot?.master.workers.total).toBe(2);
  });
});
