// Entry of the desktop app: loads workers.yaml (config/workers.yaml, or --config FILE), builds
// the master, the router and the event hub, and hands them with Electron to runMain.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import electron from 'electron';
import { durationMs } from '../../shared/duration.js';
import { createApiStack } from '../api/create-api.js';
import { bootMaster } from '../master/boot.js';
import { formatProblems } from '../master/config/index.js';
import { createLogger } from '../master/logger.js';
import type { ElectronSurface } from './electron-surface.js';
import { runMain } from './run-main.js';

const HERE = dirname(fileURLToPath(import.meta.url));
/** Laid out by the build: dist/electron/main beside dist/electron/preload and dist/renderer. */
const RENDERER_INDEX = join(HERE, '../../renderer/index.html');
const PRELOAD = join(HERE, '../preload/index.cjs');

function configPathFromArgs(appPath: string): string {
  const { values } = parseArgs({
    args: process.argv.slice(1),
    options: { config: { type: 'string' } },
    strict: false,
    allowPositionals: true,
  });
  const given = typeof values.config === 'string' ? values.config : 'config/workers.yaml';
  return resolve(appPath, given);
}

async function main(): Promise<void> {
  const { app, dialog } = electron;
  const surface: ElectronSurface = electron;
  const configPath = configPathFromArgs(app.getAppPath());
  const logger = createLogger();
  const booted = await bootMaster({ configPath, logger, version: app.getVersion() });
  if (!booted.ok) {
    await app.whenReady();
    dialog.showErrorBox('HSU Master cannot start', formatProblems(booted.problems));
    app.exit(1);
    return;
  }
  const { master, config } = booted;
  const { router, hub } = await createApiStack({ master, config, logger });

  const handle = await runMain(surface, {
    master,
    router,
    hub,
    logger,
    rendererIndex: RENDERER_INDEX,
    preloadPath: PRELOAD,
    iconPath: join(app.getAppPath(), 'build', 'icon.png'),
    shutdownTimeoutMs: durationMs(config.master.force_shutdown_timeout),
  });
  if (handle) await master.startAll();
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  electron.dialog.showErrorBox('HSU Master failed', message);
  electron.app.exit(1);
});
