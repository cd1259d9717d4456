// Headless mode: the router over REST and the event hub over a WebSocket, plus the built
// renderer, on one loopback port.
//
// The page shell (HTML, scripts, styles) is served without the token; every /api request and
// the WebSocket need it. The shell is the public build and holds nothing secret, while asking
// for the token on static files would mean either a cookie (an ambient credential, and with it
// cross-site request forgery) or the token in every asset URL (in logs and history). The token
// only ever travels in an Authorization header or a WebSocket subprotocol, which a foreign page
// cannot make a browser send.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { EventHub } from '../api/event-hub.js';
import type { Router } from '../api/router.js';
import { bearerToken, isAllowedHost, tokenMatches, type HostPolicy } from './auth.js';
import { EventsSocket } from './events-socket.js';
import { handleRest } from './rest-handler.js';
import { applySecurityHeaders, sendError } from './responses.js';
import { serveStatic } from './static-files.js';

export interface ServerOptions {
  router: Router;
  hub: EventHub;
  host?: string;
  port?: number;
  token: string;
  /** The built renderer (dist/renderer); without it only /api is served. */
  staticDir?: string;
  logger: Logger;
}

export interface RunningServer {
  /** `http://HOST:PORT/`, without the token. */
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { router, hub, token, staticDir } = options;
  const host = options.host ?? '127.0.0.1';
  const logger = options.logger.child({ component: 'server' });
  let policy: HostPolicy = { host, port: options.port ?? 0 };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    applySecurityHeaders(res);
    if (!isAllowedHost(req.headers.host, policy)) {
      sendError(res, { kind: 'auth', message: 'foreign host' }, 403);
      return;
    }
    const url = new URL(req.url ?? '/', 'http://placeholder');
    if (url.pathname !== '/api' && !url.pathname.startsWith('/api/')) {
      await serveStatic(staticDir, req, res, url.pathname);
      return;
    }
    if (!tokenMatches(token, bearerToken(req.headers))) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      sendError(res, { kind: 'auth', message: 'missing or wrong token' });
      return;
    }
    await handleRest(router, req, res, url);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error({ err: error, url: req.url }, 'startServer(): request failed');
      if (res.headersSent) res.destroy();
      else sendError(res, { kind: 'internal', message: 'internal error' });
    });
  });
  const events = new EventsSocket({ hub, token, hosts: () => policy, logger });
  server.on('upgrade', (req: IncomingMessage, socket, head: Buffer) => {
    events.handleUpgrade(req, socket, head);
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  policy = { host, port };
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  logger.info({ url }, 'control panel listening');

  return {
    url,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        events.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
