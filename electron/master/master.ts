// The master: owns every supervised worker, starts and stops them alone or all together,
// applies configuration changes, and publishes what happens as typed events.
import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import { ApiError, type ApplyOutcome, type ApplyPlan } from '../../shared/api-contract.js';
import {
  masterConfig as masterConfigSchema,
  type MasterConfig,
  type WorkerConfig,
} from '../../shared/config-schema.js';
import { durationMs } from '../../shared/duration.js';
import type {
  Alert,
  HealthCheckResult,
  HealthStatus,
  LogLine,
  MasterStats,
  ResourceSample,
  WorkerDiagnostics,
  WorkerSummary,
} from '../../shared/types.js';
import { planApply } from './apply-plan.js';
import type { LoadedConfig } from './config/loaded-config.js';
import type { MasterApi, MasterEvents } from './master-api.js';
import { MasterObservers } from './master-observers.js';
import { createRunner, type RunnerDeps } from './worker/create-runner.js';
import { SupervisedWorker } from './worker/supervised-worker.js';
import { NativeModuleRegistry } from './module/native-registry.js';
import { registerBuiltinModules } from './examples/register-builtins.js';
import type { ModuleFactory } from '../../shared/module.js';
import { installPanicRouter } from './module/panic-router.js';
import { PluginModuleRuntime } from './module/plugin-runtime.js';

export interface MasterOptions {
  logger: Logger;
  config?: LoadedConfig;
  version?: string;
}

export class Master implements MasterApi {
  readonly logger: Logger;
  readonly nativeModules = new NativeModuleRegistry();
  private readonly plugins: PluginModuleRuntime;
  private readonly emitter = new EventEmitter();
  private readonly workers = new Map<string, SupervisedWorker>();
  private readonly observers: MasterObservers;
  private readonly startTime = Date.now();
  private settings: MasterConfig;
  private configPath: string | null;
  private shuttingDown: Promise<void> | null = null;

  constructor(private readonly options: MasterOptions) {
    this.logger = options.logger;
    this.settings = options.config?.master ?? masterConfigSchema.parse({});
    this.configPath = options.config?.path ?? null;
    this.emitter.setMaxListeners(0);
    this.plugins = new PluginModuleRuntime(this.logger);
    installPanicRouter(this.logger);
    registerBuiltinModules(this.nativeModules);
    this.observers = new MasterObservers({
      settings: this.settings,
      logger: this.logger,
      emit: (event, ...args) => this.emit(event, ...args),
    });
    for (const worker of options.config?.workers ?? []) this.addWorker(worker);
  }

  on<E extends keyof MasterEvents>(event: E, listener: MasterEvents[E]): this {
    this.emitter.on(event, listener);
    return this;
  }

  off<E extends keyof MasterEvents>(event: E, listener: MasterEvents[E]): this {
    this.emitter.off(event, listener);
    return this;
  }

  private emit<E extends keyof MasterEvents>(event: E, ...args: Parameters<MasterEvents[E]>) {
    this.emitter.emit(event, ...args);
  }

  registerNativeModuleFactory(
    name: string,
    factory: ModuleFactory,
    opts?: { url?: string; exportName?: string },
  ): void {
    this.nativeModules.register(name, factory, opts);
    this.logger.info({ module: name }, `registered native module factory ${name}`);
  }

  addWorker(config: WorkerConfig): SupervisedWorker {
    if (this.workers.has(config.id)) {
      throw new ApiError('conflict', `worker ${config.id} already exists`);
    }
    return this.install(config);
  }

  /**
   * Puts a worker under supervision. Replacing one (a changed configuration) keeps its place in
   * the list and its history: it is the same worker with new settings.
   */
  private install(config: WorkerConfig, previous?: SupervisedWorker): SupervisedWorker {
    const logger = this.logger.child({ worker: config.id });
    const deps: RunnerDeps = {
      logger: this.logger,
      nativeModules: this.nativeModules,
      plugins: this.plugins,
    };
    const worker = new SupervisedWorker({
      config,
      runner: createRunner(config, deps),
      logger,
      logLines: this.settings.log_lines,
      record: previous?.record.carryOver(),
      logs: previous?.logs,
    });
    worker.on('transition', (transition) => this.emit('transition', worker.id, transition));
    worker.on('log', (line) => this.emit('log', worker.id, line));
    worker.on('changed', () => this.emit('worker', worker.summary()));
    this.workers.set(config.id, worker);
    this.observers.attach(worker);
    this.emit('worker', worker.summary());
    return worker;
  }

  async removeWorker(id: string): Promise<void> {
    await this.retire(this.require(id));
    this.workers.delete(id);
    this.emit('removed', id);
  }

  getWorker(id: string): SupervisedWorker | undefined {
    return this.workers.get(id);
  }

  listWorkers(): WorkerSummary[] {
    return [...this.workers.values()].map((w) => w.summary());
  }

  getSummary(id: string): WorkerSummary {
    return this.require(id).summary();
  }

  getDiagnostics(id: string): WorkerDiagnostics {
    return this.require(id).diagnostics();
  }

  startWorker(id: string): Promise<void> {
    return this.require(id).start();
  }

  stopWorker(id: string, force = false): Promise<void> {
    return this.require(id).stop(force ? 'killed by operator' : 'stopped by operator', { force });
  }

  restartWorker(id: string, force: boolean): Promise<void> {
    return this.require(id).restart(force);
  }

  getLogs(id: string, tail?: number): LogLine[] {
    return this.require(id).logs.tail(tail);
  }

  getHealth(id: string): { status: HealthStatus; history: HealthCheckResult[] } {
    const diagnostics = this.require(id).diagnostics();
    return { status: diagnostics.healthStatus, history: diagnostics.healthHistory };
  }

  getMetrics(id: string): ResourceSample[] {
    this.require(id);
    return this.observers.metrics(id);
  }

  listAlerts(): Alert[] {
    return this.observers.alerts.list();
  }

  acknowledgeAlert(id: string): number {
    const count = this.observers.alerts.acknowledge(id);
    if (count === 0 && !this.observers.alerts.list().some((a) => a.id === id)) {
      throw new ApiError('not_found', `no alert ${id}`);
    }
    return count;
  }

  acknowledgeAllAlerts(): number {
    return this.observers.alerts.acknowledgeAll();
  }

  /** Starts every enabled worker together; failures are logged and left in failed_start. */
  async startAll(): Promise<void> {
    const enabled = [...this.workers.values()].filter((w) => w.config.enabled && !w.active);
    await Promise.all(enabled.map((w) => w.start('started with the master').catch(() => {})));
  }

  /** Stops every active worker together, bounded by master.force_shutdown_timeout. */
  async stopAll(): Promise<void> {
    const active = [...this.workers.values()].filter((w) => w.active);
    await Promise.all(active.map((w) => this.stopOrKill(w)));
  }

  /** Kills every worker at once, without a graceful stop. */
  async killAll(): Promise<void> {
    await Promise.all([...this.workers.values()].map((w) => w.kill()));
  }

  shutdown(): Promise<void> {
    this.shuttingDown ??= (async () => {
      this.logger.info({ workers: this.workers.size }, 'stopping all workers');
      await this.stopAll();
      this.observers.close();
      this.logger.info('all workers stopped');
    })();
    return this.shuttingDown;
  }

  getStats(): MasterStats {
    const summaries = this.listWorkers();
    const memory = process.memoryUsage();
    return {
      pid: process.pid,
      startTime: this.startTime,
      version: this.options.version ?? '0.0.0',
      configPath: this.configPath,
      workers: {
        total: summaries.length,
        running: summaries.filter((s) => s.state === 'running').length,
        failed: summaries.filter((s) => ['failed_start', 'degraded', 'backoff'].includes(s.state))
          .length,
      },
      memory: {
        rss: memory.rss,
        heapUsed: memory.heapUsed,
        heapTotal: memory.heapTotal,
        external: memory.external,
      },
      memoryHistory: this.observers.masterMemoryHistory(),
      activeHandles: this.observers.activeHandles(),
      nativeModules: this.nativeModules.names(),
    };
  }

  planApply(next: LoadedConfig): ApplyPlan {
    return planApply(this.workers, next.workers);
  }

  /** Applies a saved configuration: only what changed is touched. */
  async applyConfig(next: LoadedConfig): Promise<ApplyOutcome> {
    const plan = this.planApply(next);
    const errors: ApplyOutcome['errors'] = [];
    const byId = new Map(next.workers.map((w) => [w.id, w]));
    const configOf = (id: string) => byId.get(id) as WorkerConfig;
    const attempt = async (workerId: string, action: () => Promise<unknown>) => {
      try {
        await action();
      } catch (error) {
        errors.push({ workerId, message: error instanceof Error ? error.message : String(error) });
      }
    };
    // A stopped worker that stays in the file (disabled) keeps its place with its new settings.
    const stopOrRemove = (id: string) =>
      byId.has(id) ? this.replaceWorker(configOf(id), false) : this.removeWorker(id);
    await Promise.all(plan.stop.map((id) => attempt(id, () => stopOrRemove(id))));
    await Promise.all([
      ...plan.restart.map((id) => attempt(id, () => this.replaceWorker(configOf(id), true))),
      ...plan.start.map((id) => attempt(id, () => this.replaceWorker(configOf(id), true))),
      ...plan.keptStopped.map((id) => attempt(id, () => this.replaceWorker(configOf(id), false))),
    ]);
    if (next.master.log_level !== this.settings.log_level) {
      this.logger.level = next.master.log_level;
    }
    this.settings = next.master;
    this.configPath = next.path;
    this.logger.info({ plan, errors: errors.length }, 'configuration applied');
    return { plan, errors };
  }

  /** Installs the new configuration of a worker (or a new worker), started if asked. */
  private async replaceWorker(config: WorkerConfig, start: boolean): Promise<void> {
    const old = this.workers.get(config.id);
    if (old) await this.retire(old);
    const worker = this.install(config, old);
    if (start) await worker.start('configuration applied');
  }

  /** Stops a worker that is leaving (removed, or replaced by a new configuration). */
  private async retire(worker: SupervisedWorker): Promise<void> {
    if (worker.active) await this.stopOrKill(worker);
    this.observers.detach(worker);
    worker.removeAllListeners();
  }

  private async stopOrKill(worker: SupervisedWorker): Promise<void> {
    const bound = durationMs(this.settings.force_shutdown_timeout);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), bound);
    });
    const outcome = await Promise.race([
      worker.stop('master stopping').catch(() => 'done'),
      timedOut,
    ]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      this.logger.warn(
        { worker: worker.id },
        `did not stop within ${this.settings.force_shutdown_timeout}; killing`,
      );
      await worker.kill();
    }
  }

  private require(id: string): SupervisedWorker {
    const worker = this.workers.get(id);
    if (!worker) throw new ApiError('not_found', `no worker with id ${JSON.stringify(id)}`);
    return worker;
  }
}
