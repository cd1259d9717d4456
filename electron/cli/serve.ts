// `hsu-master serve`: the master plus the control panel for a browser, over REST and WebSocket.
import { fileURLToPath } from 'node:url';
import { createApiStack } from '../api/create-api.js';
import { createLogger } from '../master/logger.js';
import { generateToken, startServer } from '../server/index.js';
import { startMaster, untilSignal } from './run.js';

const RENDERER_DIR = fileURLToPath(new URL('../../renderer/', import.meta.url));

export interface ServeOptions {
  configPath: string;
  version: string;
  host: string | undefined;
  port: number | undefined;
  token: string | undefined;
}

export async function serveCommand(options: ServeOptions): Promise<number> {
  const logger = createLogger();
  const booted = await startMaster(options.configPath, options.version, logger);
  if (!booted) return 1;
  const { master } = booted;
  const token = options.token ?? generateToken();
  const api = await createApiStack({ master, config: booted.config, logger });
  const { router, hub } = api;
  const server = await startServer({
    router,
    hub,
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    token,
    staticDir: RENDERER_DIR,
    logger,
  });
  const url = `${server.url}?token=${encodeURIComponent(token)}`;
  logger.info({ url: server.url }, 'control panel ready');
  process.stdout.write(`\nHSU Master control panel: ${url}\n\n`);
  const stopping = untilSignal(logger, master);
  await master.startAll();
  await stopping;
  await server.close();
  await api.close();
  await master.shutdown();
  return 0;
}
