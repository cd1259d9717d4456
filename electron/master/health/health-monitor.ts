// Watches one worker: runs its configured check on a self-rescheduling timer, keeps the
// history, and turns consecutive failures into a status.
import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { HealthCheckConfig } from '../../../shared/config-schema.js';
import { durationMs } from '../../../shared/duration.js';
import type { HealthCheckResult, HealthStatus } from '../../../shared/types.js';
import { createHealthChecker, type HealthChecker, type HealthContext } from './checkers.js';
import { DEFAULT_HEALTH_HISTORY, HealthHistory } from './health-history.js';
import { runHealthCheck, timeoutOf, type CheckTimeout } from './run-check.js';

export interface HealthMonitorOptions {
  historySize?: number;
  /** A logger that already names the worker (`logger.child({ worker: id })`). */
  logger: Logger;
}

export interface HealthMonitorEvents {
  /** Every result, with the status it led to. */
  result: [status: HealthStatus, result: HealthCheckResult];
  /** Once each time the status turns unhealthy. */
  unhealthy: [result: HealthCheckResult];
}

/**
 * Status: unknown until the first result; healthy after a success; degraded after 1 to
 * retries-1 consecutive failures; unhealthy at `retries` consecutive failures.
 */
export class HealthMonitor extends EventEmitter<HealthMonitorEvents> {
  private readonly checker: HealthChecker;
  private readonly timeout: CheckTimeout;
  private readonly intervalMs: number;
  private readonly initialDelayMs: number;
  private readonly retries: number;
  private readonly results: HealthHistory;
  private readonly logger: Logger;
  private current: HealthStatus = 'unknown';
  private failures = 0;
  private timer: NodeJS.Timeout | null = null;
  /** Aborts the check in flight; null while stopped. */
  private run: AbortController | null = null;

  constructor(
    readonly config: HealthCheckConfig,
    context: HealthContext,
    options: HealthMonitorOptions,
  ) {
    super();
    this.checker = createHealthChecker(config, context);
    this.timeout = timeoutOf(config);
    this.intervalMs = durationMs(config.run_options.interval);
    this.initialDelayMs = durationMs(config.run_options.initial_delay);
    this.retries = config.run_options.retries;
    this.results = new HealthHistory(options.historySize ?? DEFAULT_HEALTH_HISTORY);
    this.logger = options.logger;
  }

  get status(): HealthStatus {
    return this.current;
  }

  get running(): boolean {
    return this.run !== null;
  }

  /** Results oldest first; the history survives stop() and start(). */
  history(): HealthCheckResult[] {
    return this.results.toArray();
  }

  /** Starts checking after initial_delay; a no-op while already started. */
  start(): void {
    if (this.run) return;
    const run = new AbortController();
    this.run = run;
    this.current = 'unknown';
    this.failures = 0;
    this.schedule(run, this.initialDelayMs);
  }

  /** Stops checking and aborts a check in flight; its result is dropped. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.run?.abort();
    this.run = null;
    this.current = 'unknown';
    this.failures = 0;
  }

  private schedule(run: AbortController, delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.tick(run);
    }, delayMs);
  }

  private async tick(run: AbortController): Promise<void> {
    const started = performance.now();
    const result = await runHealthCheck(this.checker, this.timeout, run.signal);
    if (run.signal.aborted) return;
    try {
      this.record(result);
    } catch (error) {
      this.logger.error({ err: error }, 'health listener failed');
    }
    // Keeps the cadence while never starting a check before the last one has ended.
    const spent = performance.now() - started;
    if (this.run === run) this.schedule(run, Math.max(0, this.intervalMs - spent));
  }

  private record(result: HealthCheckResult): void {
    this.results.push(result);
    const previous = this.current;
    this.failures = result.ok ? 0 : this.failures + 1;
    this.current = statusAfter(this.failures, this.retries);
    if (this.current !== previous) this.logChange(previous, result);
    this.emit('result', this.current, result);
    if (this.current === 'unhealthy' && previous !== 'unhealthy') this.emit('unhealthy', result);
  }

  private logChange(previous: HealthStatus, result: HealthCheckResult): void {
    const fields = { check: this.config.type, from: previous, latencyMs: result.latencyMs };
    const line = `health ${this.current}: ${result.message}`;
    if (this.current === 'healthy') this.logger.info(fields, line);
    else this.logger.warn({ ...fields, failures: this.failures, retries: this.retries }, line);
  }
}

function statusAfter(failures: number, retries: number): HealthStatus {
  if (failures === 0) return 'healthy';
  return failures >= retries ? 'unhealthy' : 'degraded';
}
