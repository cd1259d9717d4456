// `hsu-master serve`: the master plus the control panel for a browser, over REST and WebSocket.
import { fileURLToPath } from 'node:url';
import { createApiStack } from '../api/create-api.js';
import { generateToken, startServer } from '../server/index.js';
import { superviseUntilSignal } from './run.js';

const RENDERER_DIR = fileURLToPath(new URL('../../renderer/', import.meta.url));

export interface ServeOptions {
  configPath: string;
  version: string;
  host: string | undefined;
  port: number | undefined;
  token: string | undefined;
}

/** At least this many characters for a token given with --token. */
const MIN_TOKEN_LENGTH = 16;

export async function serveCommand(options: ServeOptions): Promise<number> {
  if (options.token !== undefined && options.token.length < MIN_TOKEN_LENGTH) {
    process.stderr.write(
      `hsu-master: --token must be at least ${MIN_TOKEN_LENGTH} characters ` +
        '(leave it out to get a random one)\n',
    );
    return 2;
  }
  return superviseUntilSignal(options, async ({ master, config }, logger) => {
    const token = options.token ?? generateToken();
    const api = await createApiStack({ master, config, logger });
    const host = options.host ?? '127.0.0.1';
    const port = options.port ?? 0;
    const server = await startServer({
      router: api.router,
      hub: api.hub,
      host,
      port,
      token,
      staticDir: RENDERER_DIR,
      logger,
    }).catch((error: unknown) => {
      process.stderr.write(`hsu-master: cannot serve on ${host}:${port}: ${reason(error)}\n`);
      return null;
    });
    if (!server) {
      await api.close();
      return { exitCode: 1 };
    }
    if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
      logger.warn(
        { host },
        `the panel listens on ${host}, beyond this machine: the token is its only protection`,
      );
    }
    const url = `${server.url}?token=${encodeURIComponent(token)}`;
    logger.info({ url: server.url }, 'control panel ready');
    process.stdout.write(`\nHSU Master control panel: ${url}\n\n`);
    return {
      async close() {
        await server.close();
        await api.close();
      },
    };
  });
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return 'the port is already in use';
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return 'no such address on this machine';
  if (code === 'EACCES') return 'permission denied (ports below 1024 need privileges)';
  return error instanceof Error ? error.message : String(error);
}
