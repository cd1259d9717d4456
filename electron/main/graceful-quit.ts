// Quitting stops every worker first: the first before-quit is held back while the master shuts
// down (bounded by force_shutdown_timeout), the window shows how far it got, then the app exits.
import type { Logger } from 'pino';
import type { MasterApi } from '../master/master-api.js';
import type { ElectronSurface, WindowSurface } from './electron-surface.js';
import type { WorkerTally } from './worker-tally.js';

/** Beyond the master's own bound, so its forced stop can finish before we give up on it. */
const GRACE_MS = 2_000;

export interface GracefulQuitOptions {
  app: ElectronSurface['app'];
  master: Pick<MasterApi, 'shutdown'>;
  tally: WorkerTally;
  window: () => WindowSurface | null;
  shutdownTimeoutMs: number;
  /** Runs after the workers are stopped and before the app exits. */
  beforeExit: () => void;
  logger: Logger;
}

export class GracefulQuit {
  private phase: 'running' | 'stopping' | 'done' = 'running';
  private activeAtStart = 0;
  private readonly finished: Promise<void>;
  private finish: () => void = () => {};

  constructor(private readonly options: GracefulQuitOptions) {
    this.finished = new Promise((resolve) => (this.finish = resolve));
    options.app.on('before-quit', (event) => {
      if (this.phase === 'done') return;
      event.preventDefault();
      if (this.phase === 'running') void this.stop();
    });
  }

  /** Settles once the workers are stopped and app.exit() was called. */
  get done(): Promise<void> {
    return this.finished;
  }

  get stopping(): boolean {
    return this.phase === 'stopping';
  }

  /** Called on every batch while stopping: the window's progress follows the workers. */
  progress(): void {
    const window = this.options.window();
    if (this.phase !== 'stopping' || !window || window.isDestroyed()) return;
    const left = this.options.tally.counts().active;
    const total = Math.max(this.activeAtStart, left);
    window.setProgressBar(total === 0 ? 1 : 1 - left / total);
    window.setTitle(`HSU Master: stopping workers (${left} left)`);
  }

  private async stop(): Promise<void> {
    const { master, logger, shutdownTimeoutMs } = this.options;
    this.phase = 'stopping';
    this.activeAtStart = this.options.tally.counts().active;
    this.progress();
    logger.info({ workers: this.activeAtStart }, 'quitting: stopping every worker');
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), shutdownTimeoutMs + GRACE_MS);
    });
    try {
      const outcome = await Promise.race([
        master.shutdown().then(() => 'stopped' as const),
        deadline,
      ]);
      if (outcome === 'timeout')
        logger.error('quitting: workers did not stop in time; exiting anyway');
      else logger.info('quitting: every worker stopped');
    } catch (error) {
      logger.error({ err: error }, 'quitting: shutdown failed; exiting anyway');
    } finally {
      clearTimeout(timer);
    }
    this.phase = 'done';
    this.options.beforeExit();
    this.options.app.exit(0);
    this.finish();
  }
}
