// The WebSocket at /api/events: the same batches the desktop window receives. The handshake is
// checked before it is accepted, so a refused client gets a plain HTTP status and no socket.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocket, WebSocketServer } from 'ws';
import { HTTP_STATUS } from '../../shared/api-contract.js';
import { EVENTS_PATH, WS_PROTOCOL } from '../../shared/rest-routes.js';
import type { EventHub } from '../api/event-hub.js';
import {
  bearerToken,
  isAllowedHost,
  isAllowedOrigin,
  protocolToken,
  tokenMatches,
  type HostPolicy,
} from './auth.js';

/** A client this far behind is dropped; on reconnecting it starts again from a snapshot. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
const HEARTBEAT_MS = 30_000;

export interface EventsSocketOptions {
  hub: EventHub;
  token: string;
  hosts: () => HostPolicy;
  logger: Logger;
}

export class EventsSocket {
  private readonly wss = new WebSocketServer({
    noServer: true,
    maxPayload: 64 * 1024,
    handleProtocols: (offered) => (offered.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
  });
  private readonly heartbeat: NodeJS.Timeout;
  private readonly alive = new WeakSet<WebSocket>();

  constructor(private readonly options: EventsSocketOptions) {
    this.heartbeat = setInterval(() => this.checkAlive(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const refusal = this.refusal(req);
    if (refusal) {
      const [status, message] = refusal;
      this.options.logger.warn({ status, reason: message }, 'events socket refused');
      const body = JSON.stringify({
        error: { kind: status === 404 ? 'not_found' : 'auth', message },
      });
      socket.end(
        `HTTP/1.1 ${status} ${statusText(status)}\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.connected(ws));
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const client of this.wss.clients) client.close(1001, 'server closing');
    this.wss.close();
  }

  private refusal(req: IncomingMessage): [number, string] | null {
    const { token, hosts } = this.options;
    const path = new URL(req.url ?? '/', 'http://placeholder').pathname;
    if (!isAllowedHost(req.headers.host, hosts())) return [403, 'foreign host'];
    if (!isAllowedOrigin(req.headers.origin, req.headers.host)) return [403, 'foreign origin'];
    const offered = bearerToken(req.headers) ?? protocolToken(req.headers);
    if (!tokenMatches(token, offered)) return [HTTP_STATUS.auth, 'missing or wrong token'];
    if (path !== EVENTS_PATH) return [404, `no route ${path}`];
    return null;
  }

  private connected(ws: WebSocket): void {
    this.alive.add(ws);
    ws.on('pong', () => this.alive.add(ws));
    ws.on('error', (error) => this.options.logger.debug({ err: error }, 'events socket error'));
    const unsubscribe = this.options.hub.subscribe((batch) => {
      if (ws.readyState !== WebSocket.OPEN) return;
      if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
        ws.close(1013, 'falling behind; reconnect for a fresh snapshot');
        return;
      }
      ws.send(JSON.stringify(batch));
    });
    ws.on('close', unsubscribe);
  }

  private checkAlive(): void {
    for (const ws of this.wss.clients) {
      if (!this.alive.has(ws)) {
        ws.terminate();
        continue;
      }
      this.alive.delete(ws);
      ws.ping();
    }
  }
}

function statusText(status: number): string {
  return status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : 'Not Found';
}
