// One worker under supervision: its state machine, restart policy with back-off, transition
// history and logs. What it runs is a WorkerRunner, so processes and modules are treated alike.
import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import { ApiError } from '../../../shared/api-contract.js';
import type { WorkerConfig } from '../../../shared/config-schema.js';
import { durationMs, formatDuration } from '../../../shared/duration.js';
import type {
  ExitInfo,
  LogLine,
  LogStream,
  PanicRecord,
  ResourceSample,
  StateTransition,
  WorkerDiagnostics,
  WorkerState,
  WorkerSummary,
} from '../../../shared/types.js';
import { LogBuffer } from './log-buffer.js';
import { decideRestart, exitFailed } from './restart-policy.js';
import {
  diagnose,
  summarize,
  WorkerRecord,
  type HealthSource,
  type WorkerFacts,
} from './worker-record.js';
import type { RunHandle, WorkerRunner } from './runner.js';

export interface SupervisedWorkerEvents {
  transition: [StateTransition];
  log: [LogLine];
  exit: [ExitInfo];
  panic: [PanicRecord];
  /** Anything in the summary changed (state, pid, figures, health). */
  changed: [];
}

export interface SupervisedWorkerOptions {
  config: WorkerConfig;
  runner: WorkerRunner;
  logger: Logger;
  logLines: number;
  /** What an earlier instance of this worker remembered, when its configuration changed. */
  record?: WorkerRecord | undefined;
  /** Its log, which goes on across a change of configuration. */
  logs?: LogBuffer | undefined;
}

/** Why the current run is being ended by the master rather than by the operator. */
type PlannedEnd = { kind: 'operator' } | { kind: 'failure'; reason: string };

export class SupervisedWorker extends EventEmitter<SupervisedWorkerEvents> {
  readonly id: string;
  readonly logs: LogBuffer;
  private stateValue: WorkerState = 'idle';
  private run: RunHandle | null = null;
  /** The run being terminated, kept until terminate() resolves (after its exit). */
  private ending: RunHandle | null = null;
  private plannedEnd: PlannedEnd | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private backoffTimer: NodeJS.Timeout | null = null;
  private stableTimer: NodeJS.Timeout | null = null;
  private launchAbort: AbortController | null = null;
  private health: HealthSource | null = null;
  private lastSample: ResourceSample | null = null;
  /** What this worker remembers across runs (and across a change of its configuration). */
  readonly record: WorkerRecord;

  constructor(private readonly options: SupervisedWorkerOptions) {
    super();
    this.id = options.config.id;
    this.record = options.record ?? new WorkerRecord();
    this.logs = options.logs ?? new LogBuffer(options.logLines);
  }

  get config(): WorkerConfig {
    return this.options.config;
  }

  get runner(): WorkerRunner {
    return this.options.runner;
  }

  get state(): WorkerState {
    return this.stateValue;
  }

  get pid(): number | null {
    return this.run?.pid ?? null;
  }

  /** True while a run exists or one is about to (starting, running, stopping, backoff). */
  get active(): boolean {
    return this.run !== null || this.stateValue === 'backoff' || this.stateValue === 'starting';
  }

  setHealthSource(source: HealthSource | null): void {
    this.health = source;
  }

  recordSample(sample: ResourceSample): void {
    this.lastSample = sample;
  }

  /** Operator start. Rejects with a conflict when already active, with a process error when
   * the worker cannot be started. */
  start(cause = 'started by operator'): Promise<void> {
    return this.serialize(async () => {
      if (this.stateValue === 'starting' || this.stateValue === 'running') {
        throw new ApiError('conflict', `worker ${this.id} is already ${this.stateValue}`);
      }
      this.cancelBackoff();
      this.record.retryCount = 0;
      this.record.panicsSinceStart = 0;
      await this.launch(cause, true);
    });
  }

  /** Operator stop: never undone by the restart policy; a back-off wait ends at once. */
  stop(cause = 'stopped by operator', opts: { force?: boolean } = {}): Promise<void> {
    const endWait = () => {
      this.cancelBackoff();
      this.transition('idle', cause);
    };
    // A back-off wait ends at once, without waiting behind anything queued.
    if (this.stateValue === 'backoff') return Promise.resolve(endWait());
    const cancelsStart = this.stateValue === 'starting';
    this.launchAbort?.abort();
    return this.serialize(async () => {
      if (this.stateValue === 'backoff') return endWait();
      if (!this.run) {
        if (cancelsStart && this.stateValue === 'idle') return;
        throw new ApiError('conflict', `worker ${this.id} is not running (${this.stateValue})`);
      }
      await this.endRun({ kind: 'operator' }, cause, opts.force ?? false);
    });
  }

  /** Stops if running, then starts; `force` kills at once instead of a graceful stop. */
  restart(force: boolean, cause = force ? 'force restart by operator' : 'restart by operator') {
    return this.serialize(async () => {
      if (this.stateValue === 'stopping' || this.stateValue === 'starting') {
        throw new ApiError('conflict', `worker ${this.id} is ${this.stateValue}`);
      }
      this.cancelBackoff();
      if (this.run) await this.endRun({ kind: 'operator' }, cause, force);
      this.record.restartCount += 1;
      this.record.lastRestart = Date.now();
      this.record.retryCount = 0;
      this.record.panicsSinceStart = 0;
      await this.launch(cause, true);
    });
  }

  /**
   * The master ends a run it judges failed (unhealthy, over a limit): the run is stopped
   * gracefully and the restart policy decides what follows, as after a crash.
   */
  failRun(reason: string): Promise<void> {
    return this.serialize(async () => {
      if (!this.run || this.stateValue !== 'running') return;
      this.systemLog(`${reason}: stopping the worker`);
      await this.endRun({ kind: 'failure', reason }, reason, false);
    });
  }

  /** Last resort at shutdown: kill the run now, whatever else is in progress. */
  async kill(): Promise<void> {
    this.cancelBackoff();
    this.launchAbort?.abort();
    // A run whose leader has exited may still be ending: its stray descendants are killed
    // only when that terminate() finishes, so it is forced too.
    const run = this.run ?? this.ending;
    if (!run) return;
    this.plannedEnd = { kind: 'operator' };
    await run.terminate(0, { force: true });
  }

  recordPanic(error: Error): void {
    this.record.panics += 1;
    this.record.panicsSinceStart += 1;
    // Runners already word launch failures as panics; the record keeps the bare cause.
    const message = error.message.replace(/^module panic: /, '');
    this.record.lastPanic = { time: Date.now(), message, stack: error.stack ?? null };
    this.options.logger.error(
      { panics: this.record.panics, stack: error.stack },
      `module panic: ${message}`,
    );
    this.systemLog(`module panic: ${message}`);
    this.emit('panic', this.record.lastPanic);
    const threshold = this.config.type === 'module' ? this.config.panic_threshold : Infinity;
    if (this.record.panicsSinceStart > threshold && this.stateValue === 'running') {
      void this.serialize(async () => {
        if (!this.run) return;
        const count = this.record.panicsSinceStart;
        const reason = `${count} panics since the last start, past the threshold of ${threshold}`;
        await this.endRun({ kind: 'operator' }, reason, false);
        this.enterDegraded(reason);
      });
    }
  }

  summary(): WorkerSummary {
    return summarize(this.facts());
  }

  diagnostics(): WorkerDiagnostics {
    return diagnose(this.facts());
  }

  private facts(): WorkerFacts {
    return {
      id: this.id,
      config: this.config,
      state: this.stateValue,
      pid: this.pid,
      running: this.run !== null,
      record: this.record,
      health: this.health,
      sample: this.lastSample,
      runner: this.runner,
    };
  }

  private serialize<T>(operation: () => Promise<T>): Promise<T> {
    const next = this.queue.then(operation, operation);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** One launch of the runner; on failure records failed_start and lets the policy decide. */
  private async launch(cause: string, byOperator: boolean): Promise<void> {
    this.transition('starting', cause);
    const abort = new AbortController();
    this.launchAbort = abort;
    let run: RunHandle;
    try {
      run = await this.runner.launch(
        {
          log: (stream, text) => this.appendLog(stream, text),
          panic: (error) => this.recordPanic(error),
        },
        abort.signal,
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (abort.signal.aborted) {
        this.transition('idle', 'start cancelled by a stop');
        if (byOperator) throw new ApiError('conflict', `worker ${this.id}: start cancelled`);
        return;
      }
      this.record.lastError = message;
      if (message.includes('module panic')) {
        this.recordPanic(error instanceof Error ? error : new Error(message));
      }
      this.transition('failed_start', 'start failed', message);
      this.options.logger.error({ error: message }, 'failed to start');
      this.afterEnd(true, `start failed: ${message}`);
      if (byOperator) throw new ApiError('process', `worker ${this.id}: ${message}`);
      return;
    } finally {
      if (this.launchAbort === abort) this.launchAbort = null;
    }
    this.run = run;
    this.plannedEnd = null;
    this.record.startTime = Date.now();
    this.record.startCount += 1;
    this.lastSample = null;
    this.transition('running', cause);
    this.options.logger.info({ pid: run.pid }, run.pid ? `started pid ${run.pid}` : 'started');
    this.armStableTimer();
    // A stop that arrived while starting is queued behind this launch and ends the run.
    void run.exited.then((exit) => this.onExit(run, exit));
  }

  private async endRun(end: PlannedEnd, cause: string, force: boolean): Promise<void> {
    const run = this.run;
    if (!run) return;
    this.plannedEnd = end;
    this.transition('stopping', cause);
    const graceful = durationMs(this.config.graceful_timeout);
    this.ending = run;
    try {
      await run.terminate(graceful, { force });
    } finally {
      this.ending = null;
    }
    // onExit has run by now (terminate resolves after `exited`), leaving the state to us.
    if (end.kind === 'operator') this.transition('idle', cause);
  }

  private onExit(run: RunHandle, exit: ExitInfo): void {
    if (this.run !== run) return;
    this.run = null;
    this.record.lastExit = exit;
    this.clearStableTimer();
    this.emit('exit', exit);
    const how =
      exit.reason ?? (exit.signal ? `killed by ${exit.signal}` : `exited with code ${exit.code}`);
    const planned = this.plannedEnd;
    this.plannedEnd = null;
    this.systemLog(`${how} after ${formatDuration(exit.uptimeMs)}`);
    if (planned?.kind === 'operator') {
      if (this.stateValue !== 'stopping') this.transition('idle', `${how} at shutdown`);
      this.options.logger.info({ code: exit.code, signal: exit.signal }, `stopped (${how})`);
      return;
    }
    const failed = planned?.kind === 'failure' || exitFailed(exit);
    const reason = planned?.kind === 'failure' ? planned.reason : how;
    if (failed) this.record.lastError = reason;
    this.options.logger[failed ? 'warn' : 'info'](
      { code: exit.code, signal: exit.signal, uptimeMs: exit.uptimeMs },
      `${how} after ${formatDuration(exit.uptimeMs)}`,
    );
    this.afterEnd(failed, reason);
  }

  /** Applies the restart policy after a run ended on its own or failed to start. */
  private afterEnd(failed: boolean, reason: string): void {
    const decision = decideRestart(this.config.restart, failed, this.record.retryCount);
    if (decision.restart) {
      this.record.retryCount = decision.attempt;
      this.record.nextRestartAt = Date.now() + decision.delayMs;
      const attempt = `attempt ${decision.attempt} of ${this.config.restart.max_retries}`;
      const note = `restarting in ${formatDuration(decision.delayMs)} (${attempt})`;
      this.transition('backoff', `${reason}; ${note}`, failed ? reason : null);
      this.options.logger.warn({ delayMs: decision.delayMs, attempt: decision.attempt }, note);
      this.backoffTimer = setTimeout(() => {
        this.backoffTimer = null;
        this.record.nextRestartAt = null;
        void this.serialize(async () => {
          if (this.stateValue !== 'backoff') return;
          this.record.restartCount += 1;
          this.record.lastRestart = Date.now();
          await this.launch(`restart attempt ${decision.attempt}`, false);
        });
      }, decision.delayMs);
      return;
    }
    if ('giveUp' in decision) {
      this.enterDegraded(`${decision.reason}: ${reason}`);
      return;
    }
    if (this.stateValue !== 'failed_start')
      this.transition('exited', `${reason}; ${decision.reason}`);
  }

  private enterDegraded(reason: string): void {
    this.record.lastError = reason;
    this.transition('degraded', reason, reason);
    this.options.logger.error({ reason }, 'worker degraded');
  }

  private cancelBackoff(): void {
    if (this.backoffTimer) clearTimeout(this.backoffTimer);
    this.backoffTimer = null;
    this.record.nextRestartAt = null;
  }

  private armStableTimer(): void {
    this.clearStableTimer();
    if (this.record.retryCount === 0) return;
    this.stableTimer = setTimeout(() => {
      this.stableTimer = null;
      if (this.stateValue === 'running') this.record.retryCount = 0;
    }, durationMs(this.config.restart.reset_after));
    this.stableTimer.unref();
  }

  private clearStableTimer(): void {
    if (this.stableTimer) clearTimeout(this.stableTimer);
    this.stableTimer = null;
  }

  private transition(to: WorkerState, cause: string, error: string | null = null): void {
    const transition: StateTransition = {
      time: Date.now(),
      from: this.stateValue,
      to,
      cause,
      error,
    };
    this.stateValue = to;
    this.record.addTransition(transition);
    this.options.logger.debug({ from: transition.from, to, cause }, 'state changed');
    this.emit('transition', transition);
    this.emit('changed');
  }

  private appendLog(stream: LogStream, text: string): void {
    this.emit('log', this.logs.push(stream, text));
  }

  private systemLog(text: string): void {
    this.appendLog('system', text);
  }
}
