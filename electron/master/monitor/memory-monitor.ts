// The master's own memory: a baseline taken at start, a sample every interval, and an alert
// when heap used or rss has grown past threshold_mb over that baseline.
import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { MasterConfig } from '../../../shared/config-schema.js';
import { durationMs } from '../../../shared/duration.js';
import { BoundedRing } from './bounded-ring.js';

export const DEFAULT_MEMORY_HISTORY = 120;
const MB = 1024 * 1024;

export interface MemorySample {
  time: number;
  rss: number;
  heapUsed: number;
}

export interface MemoryAlert extends MemorySample {
  rssDelta: number;
  heapUsedDelta: number;
  /** Handles and requests alive in the master, the nearest thing Node has to a task count. */
  activeResources: number;
  message: string;
}

export interface MemoryMonitorOptions {
  historySize?: number;
  logger: Logger;
}

export interface MemoryMonitorEvents {
  sample: [sample: MemorySample];
  /** Once on growing past the threshold; again only after falling back under it. */
  alert: [alert: MemoryAlert];
}

export class MemoryMonitor extends EventEmitter<MemoryMonitorEvents> {
  private readonly intervalMs: number;
  private readonly thresholdBytes: number;
  private readonly samples: BoundedRing<MemorySample>;
  private readonly logger: Logger;
  private base: NodeJS.MemoryUsage | null = null;
  private raised = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(config: MasterConfig['memory_monitor'], options: MemoryMonitorOptions) {
    super();
    this.intervalMs = durationMs(config.interval);
    this.thresholdBytes = config.threshold_mb * MB;
    this.samples = new BoundedRing(options.historySize ?? DEFAULT_MEMORY_HISTORY);
    this.logger = options.logger;
  }

  /** process.memoryUsage() when monitoring started; null before start(). */
  get baseline(): NodeJS.MemoryUsage | null {
    return this.base;
  }

  /** Samples oldest first. */
  history(): MemorySample[] {
    return this.samples.toArray();
  }

  /** Takes the baseline and the first sample, then samples every interval. */
  start(): void {
    if (this.timer) return;
    this.base = process.memoryUsage();
    this.raised = false;
    this.sample();
    this.schedule();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Samples now (the timer calls this too); before start() the first call sets the baseline. */
  sample(): MemorySample {
    const usage = process.memoryUsage();
    this.base ??= usage;
    const sample = { time: Date.now(), rss: usage.rss, heapUsed: usage.heapUsed };
    this.samples.push(sample);
    this.emit('sample', sample);
    this.judge(sample, this.base);
    return sample;
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      try {
        this.sample();
      } catch (error) {
        this.logger.error({ err: error }, 'memory sample listener failed');
      }
      if (this.timer) this.schedule();
    }, this.intervalMs);
    // Watching the master's memory is no reason to keep the master alive.
    this.timer.unref();
  }

  private judge(sample: MemorySample, base: NodeJS.MemoryUsage): void {
    const rssDelta = sample.rss - base.rss;
    const heapUsedDelta = sample.heapUsed - base.heapUsed;
    const over = rssDelta > this.thresholdBytes || heapUsedDelta > this.thresholdBytes;
    if (!over) {
      if (this.raised)
        this.logger.info({ rssDelta, heapUsedDelta }, 'master memory back under threshold');
      this.raised = false;
      return;
    }
    if (this.raised) return;
    this.raised = true;
    const alert: MemoryAlert = {
      ...sample,
      rssDelta,
      heapUsedDelta,
      activeResources: process.getActiveResourcesInfo().length,
      message:
        `master memory grew past ${this.thresholdBytes / MB} MB over its baseline: ` +
        `rss +${(rssDelta / MB).toFixed(1)} MB, heap used +${(heapUsedDelta / MB).toFixed(1)} MB`,
    };
    this.logger.warn(
      { rssDelta, heapUsedDelta, activeResources: alert.activeResources },
      alert.message,
    );
    this.emit('alert', alert);
  }
}
