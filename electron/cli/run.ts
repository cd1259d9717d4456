// `hsu-master run`: the master alone, logging to stdout, until SIGINT or SIGTERM.
import type { Logger } from 'pino';
import { bootMaster, type BootResult } from '../master/boot.js';
import { formatProblems } from '../master/config/loader.js';
import { createLogger } from '../master/logger.js';
import type { Master } from '../master/master.js';

/**
 * SIGINT and SIGTERM, watched from the very start of a command: the first asks for a graceful
 * stop (even while the master is still loading), a second kills every worker at once. While
 * it watches, the process stays alive even when no worker runs: a supervisor waits for its
 * operator, not for its workers.
 */
class SignalWatch {
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

type Booted = Extract<BootResult, { ok: true }>;

async function startMaster(
  configPath: string,
  version: string,
  logger: Logger,
): Promise<Booted | null> {
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

/** What a command opens beside the master: closed after the workers' graceful stop begins. */
export type Opened = { close(): Promise<void> } | { exitCode: number };

/**
 * The life of a supervising command: watch signals, load the master, let `open` add what the
 * command serves (or refuse with an exit code), start the workers, and on a signal close and
 * stop everything within the master's bounds.
 */
export async function superviseUntilSignal(
  options: { configPath: string; version: string },
  open: (booted: Booted, logger: Logger) => Promise<Opened>,
): Promise<number> {
  const logger = createLogger();
  const signals = new SignalWatch(logger);
  try {
    const booted = await startMaster(options.configPath, options.version, logger);
    if (!booted) return 1;
    signals.attach(booted.master);
    const opened = await open(booted, logger);
    if ('exitCode' in opened) {
      await booted.master.shutdown();
      return opened.exitCode;
    }
    if (!signals.stopRequested) await booted.master.startAll();
    await signals.requested;
    await opened.close();
    await booted.master.shutdown();
    return 0;
  } finally {
    signals.dispose();
  }
}

export function runCommand(options: { configPath: string; version: string }): Promise<number> {
  return superviseUntilSignal(options, (_booted, logger) => {
    logger.info({ config: options.configPath }, `hsu-master ${options.version} running`);
    return Promise.resolve({ close: () => Promise.resolve() });
  });
}
