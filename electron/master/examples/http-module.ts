// The example native module: a small HTTP service built on node:http, able to run inline on the
// master's event loop or in a worker thread (it is registered with its own URL for that).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { threadId } from 'node:worker_threads';
import type { ModuleContext, WorkerModule } from '../../../shared/module.js';
import type { ModuleInfo } from '../../../shared/types.js';

/** Where this file lives, so a worker thread can import the module itself. */
export const HTTP_MODULE_URL = import.meta.url;

export interface HttpModuleConfig {
  host: string;
  port: number;
}

/** Reads { host, port } from a worker's config; port 0 asks the system for a free port. */
export function parseHttpModuleConfig(config: Record<string, unknown>): HttpModuleConfig {
  const host = config.host ?? '127.0.0.1';
  if (typeof host !== 'string' || host.length === 0) {
    throw new Error(
      `http-module: config.host must be a host name or address, got ${JSON.stringify(host)}`,
    );
  }
  const port = typeof config.port === 'string' ? Number(config.port) : config.port;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`http-module: config.port must be a port number 0-65535 (0: any free port)`);
  }
  return { host, port };
}

class HttpModule implements WorkerModule {
  #config: HttpModuleConfig = { host: '127.0.0.1', port: 0 };
  #context: ModuleContext | null = null;
  #server: Server | null = null;
  #requests = 0;

  initialize(config: Record<string, unknown>, _signal: AbortSignal, context?: ModuleContext): void {
    this.#config = parseHttpModuleConfig(config);
    this.#context = context ?? null;
  }

  start(signal: AbortSignal): Promise<void> {
    const { host, port } = this.#config;
    const server = createServer((req, res) => this.#handle(req, res));
    this.#server = server;
    return new Promise<void>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException): void => {
        signal.removeEventListener('abort', onAbort);
        this.#server = null;
        reject(
          error.code === 'EADDRINUSE'
            ? new Error(`http-module: port ${port} on ${host} is already in use`)
            : error,
        );
      };
      const onAbort = (): void => {
        server.off('error', onError);
        server.close();
        this.#server = null;
        reject(new Error('http-module: start cancelled'));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      server.once('error', onError);
      server.listen(port, host, () => {
        server.off('error', onError);
        signal.removeEventListener('abort', onAbort);
        // Errors after listening (rare) are logged; the health check then reports the state.
        server.on('error', (error) => this.#context?.log(`http-module: ${error.message}`));
        this.#context?.log(`http-module listening on ${this.#address()}`);
        resolve();
      });
    });
  }

  stop(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    if (server === null) return Promise.resolve();
    return new Promise<void>((resolve) => {
      server.close(() => resolve());
      // close() waits for idle keep-alive connections to end by themselves; end them now.
      server.closeAllConnections();
    });
  }

  isHealthy(): boolean {
    return this.#server?.listening === true;
  }

  getInfo(): ModuleInfo {
    return {
      name: 'http-module',
      version: '1.0.0',
      description: 'Example HTTP service module: GET /health and GET /api/hello',
      author: 'HSU Master',
      endpoints: [{ name: 'http-api', type: 'http', address: this.#address() }],
    };
  }

  #address(): string {
    const bound = this.#server?.address();
    const port = bound !== null && typeof bound === 'object' ? bound.port : null;
    const host = this.#config.host.includes(':') ? `[${this.#config.host}]` : this.#config.host;
    return `http://${host}:${port ?? this.#config.port}`;
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    this.#requests += 1;
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, { error: `method ${req.method ?? ''} not allowed` });
    } else if (path === '/health') {
      send(res, 200, { status: 'ok' });
    } else if (path === '/api/hello') {
      send(res, 200, {
        message: 'Hello from http-module',
        time: new Date().toISOString(),
        requests: this.#requests,
        thread: threadId,
      });
    } else {
      send(res, 404, { error: `no route for ${path ?? '/'}` });
    }
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function createHttpModule(): WorkerModule {
  return new HttpModule();
}
