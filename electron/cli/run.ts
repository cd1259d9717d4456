// `hsu-master run`: the master alone, logging to stdout, until SIGINT or SIGTERM.
import type { Logger } from 'pino';
import { bootMaster } from '../master/boot.js';
import { formatProblems } from '../master/config/loader.js';
import { createLogger } from '../master/logger.js';
import type { Master } from '../master/master.js';

/**
 * SIGINT and SIGTERM, watched from the very start of a command: the first asks for a graceful
 * stop (even while the master is still loading), a second kills every worker at once. While
 * it watches, the process stays alive even when no worker runs: a supervisor waits for its
 * operator, not for its workers.
 */
export class SignalWatch {
  readonly requested: Promise<NodeJS.Signals>;
  private master: Master | null = null;
  private received: NodeJS.Signals | null = null;
  private readonly keepAlive = setInterval(() => {}, 2 ** 30);

  constructor(private readonly logger: Logger) {
    let resolve: (signal: NodeJS.Signals) => void = () => {};
    this.requested = new Promise((r) => (resolve = r));
    const onSignal = (signal: NodeJS.Signals) => {
      if (this.received) {
        this.logger.warn(`${signal} again: killing all workers now`);
        void (this.master?.killAll() ?? Promise.resolve()).then(() => process.exit(1));
        return;
      }
      this.received = signal;
      this.logger.info(`${signal} received: stopping (send it again to kill at once)`);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }

  get stopRequested(): boolean {
    return this.received !== null;
  }

  attach(master: Master): void {
    this.master = master;
  }

  dispose(): void {
    clearInterval(this.keepAlive);
  }
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
  const signals = new SignalWatch(logger);
  const booted = await startMaster(options.configPath, options.version, logger);
  if (!booted) {
    signals.dispose();
    return 1;
  }
  const { master } = booted;
  signals.attach(master);
  logger.info({ config: options.configPath }, `hsu-master ${options.version} running`);
  if (!signals.stopRequested) await master.startAll();
  await signals.requested;
  await master.shutdown();
  signals.dispose();
  return 0;
}
