// The REST client against a real HTTP and WebSocket server on 127.0.0.1, speaking the contract.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import type { EventBatch } from '../../../shared/api-contract.js';
import { EVENTS_PATH, WS_PROTOCOL, WS_TOKEN_PROTOCOL_PREFIX } from '../../../shared/rest-routes.js';
import { masterStats, snapshot, summary } from '../store/test-fixtures.js';
import { ClientError, createRestClient, type ApiClient, type ConnectionStatus } from './client.js';
import type { SocketLike } from './event-socket.js';

const TOKEN = 'secret-token';

interface SeenRequest {
  method: string;
  url: string;
  auth: string | undefined;
  body: string;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function waitFor(what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let server: Server;
let sockets: WebSocketServer;
let baseUrl: string;
let seen: SeenRequest[];
let connections: number;
let stopClient: (() => void) | null;

beforeEach(async () => {
  seen = [];
  connections = 0;
  stopClient = null;
  server = createServer((req, res) => {
    void readBody(req).then((body) => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        auth: req.headers.authorization,
        body,
      });
      const reply = (status: number, value: unknown): void => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (req.headers.authorization !== `Bearer ${TOKEN}`) {
        return reply(401, { error: { kind: 'auth', message: 'bad token' } });
      }
      if (req.url === '/api/master') return reply(200, masterStats());
      if (req.url === '/api/workers/api/restart')
        return reply(200, summary('api', { restarts: 1 }));
      if (req.url === '/api/workers/busy/stop') {
        return reply(409, { error: { kind: 'conflict', message: 'busy is stopping' } });
      }
      if (req.url?.startsWith('/api/workers/api/logs')) return reply(200, []);
      return reply(404, { error: { kind: 'not_found', message: 'no such route' } });
    });
  });
  sockets = new WebSocketServer({
    server,
    path: EVENTS_PATH,
    handleProtocols: (protocols) => (protocols.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
    verifyClient: (info, done) => {
      const offered = String(info.req.headers['sec-websocket-protocol'] ?? '').split(/,\s*/);
      const allowed = offered.includes(`${WS_TOKEN_PROTOCOL_PREFIX}${TOKEN}`);
      done(allowed, allowed ? undefined : 401);
    },
  });
  sockets.on('connection', (socket) => {
    connections += 1;
    const first: EventBatch = { seq: 0, time: Date.now(), snapshot: snapshot([summary('api')]) };
    socket.send(JSON.stringify(first));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterEach(async () => {
  stopClient?.();
  for (const socket of sockets.clients) socket.terminate();
  await new Promise<void>((resolve) => sockets.close(() => resolve()));
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function client(token: string | null): ApiClient {
  return createRestClient({
    baseUrl,
    token,
    fetch: (url, init) => fetch(url, init),
    openSocket: (url, protocols) => new WebSocket(url, protocols) as unknown as SocketLike,
  });
}

function listen(api: ApiClient): { batches: EventBatch[]; statuses: ConnectionStatus[] } {
  const batches: EventBatch[] = [];
  const statuses: ConnectionStatus[] = [];
  const stopStatus = api.onStatus((status) => statuses.push(status));
  const stopBatches = api.subscribe((batch) => batches.push(batch));
  stopClient = () => {
    stopBatches();
    stopStatus();
  };
  return { batches, statuses };
}

describe('createRestClient', () => {
  it('sends a restart with its force flag and the bearer token', async () => {
    const result = await client(TOKEN).call('workers.restart', { id: 'api', force: true });

    expect(result.restarts).toBe(1);
    expect(seen).toEqual([
      {
        method: 'POST',
        url: '/api/workers/api/restart',
        auth: `Bearer ${TOKEN}`,
        body: '{"force":true}',
      },
    ]);
  });

  it('passes the log tail as a query parameter', async () => {
    await client(TOKEN).call('workers.logs', { id: 'api', tail: 1000 });

    expect(seen[0]).toMatchObject({ method: 'GET', url: '/api/workers/api/logs?tail=1000' });
  });

  it('rejects with the kind and message the server sent', async () => {
    const failure = await client(TOKEN)
      .call('workers.stop', { id: 'busy' })
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ClientError);
    expect(failure).toMatchObject({ kind: 'conflict', message: 'busy is stopping' });
  });

  it('receives the snapshot and, after the connection drops, reconnects to a new one', async () => {
    const api = client(TOKEN);
    const { batches, statuses } = listen(api);
    await waitFor('the first snapshot', () => batches.length === 1);
    expect(api.status()).toEqual({ state: 'open' });

    for (const socket of sockets.clients) socket.terminate();

    await waitFor('a second snapshot', () => batches.length === 2);
    expect(batches.every((batch) => batch.snapshot !== undefined)).toBe(true);
    expect(connections).toBe(2);
    expect(statuses.map((s) => s.state)).toEqual(['connecting', 'open', 'reconnecting', 'open']);
  });

  it('stops retrying and says so when the token is refused', async () => {
    const api = client('wrong');
    listen(api);

    await waitFor('the refusal', () => api.status().state === 'unauthorized');

    expect(api.status()).toEqual({ state: 'unauthorized', message: 'bad token' });
    expect(connections).toBe(0);
  });
});
