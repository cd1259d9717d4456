// `hsu-master run`: the master alone, logging to stdout, until SIGINT or SIGTERM.
import type { Logger } from 'pino';
import { bootMaster } from '../master/boot.js';
import { formatProblems } from '../master/config/loader.js';
import { createLogger } from '../master/logger.js';
import type { Master } from '../master/master.js';

/** Resolves on the first SIGINT or SIGTERM; a second one kills every worker at once. */
export function untilSignal(logger: Logger, master: Master): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let received = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (received) {
        logger.warn(`${signal} again: killing all workers now`);
        void master.killAll().then(() => process.exit(1));
        return;
      }
      received = true;
      logger.info(`${signal} received: stopping (send it again to kill at once)`);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

export async function startMaster(configPath: string, version: string, logger: Logger) {
  const booted = await bootMaster({ configPath, logger, version });
  if (!booted.ok) {
    process.stderr.write(`${formatProblems(booted.problems)}\n`);
    return null;
  }
  // A foreground supervisor shows its workers' output, each line tagged with its worker.
  booted.master.on('log', (worker, line) => {
    if (line.stream !== 'system') logger.info({ worker, stream: line.stream }, line.text);
  });
  return booted;
}

export async function runCommand(options: { configPath: string; version: string }) {
  const logger = createLogger();
  const booted = await startMaster(options.configPath, options.version, logger);
  if (!booted) return 1;
  const { master } = booted;
  logger.info({ config: options.configPath }, `hsu-master ${options.version} running`);
  const stopping = untilSignal(logger, master);
  await master.startAll();
  await stopping;
  await master.shutdown();
  return 0;
}
