// What the master notices about its workers and itself: health checks, resource samples and
// limits, panics, degraded workers, its own memory and leaked handles, all turned into events
// and alerts. Each worker is attached on add and detached on removal.
import type { Logger } from 'pino';
import type { MasterConfig } from '../../shared/config-schema.js';
import { durationMs } from '../../shared/duration.js';
import type { ResourceSample, StateTransition } from '../../shared/types.js';
import { AlertStore } from './alerts/alert-store.js';
import { HealthMonitor } from './health/health-monitor.js';
import type { MasterEvents } from './master-api.js';
import { HandleLeakTracker } from './monitor/handle-leak-tracker.js';
import { MemoryMonitor, type MemorySample } from './monitor/memory-monitor.js';
import { LimitWatcher, type LimitEvent } from './resources/limit-watcher.js';
import { MetricsHistory } from './resources/metrics-history.js';
import { ResourceSampler } from './resources/resource-sampler.js';
import type { SupervisedWorker } from './worker/supervised-worker.js';

type Emit = <E extends keyof MasterEvents>(event: E, ...args: Parameters<MasterEvents[E]>) => void;

export interface MasterObserversOptions {
  settings: MasterConfig;
  logger: Logger;
  emit: Emit;
}

interface Watched {
  worker: SupervisedWorker;
  health: HealthMonitor | null;
  limits: LimitWatcher;
  metrics: MetricsHistory;
  unsubscribe: () => void;
}

export class MasterObservers {
  readonly alerts: AlertStore;
  private readonly sampler: ResourceSampler;
  private readonly memory: MemoryMonitor;
  private readonly leaks: HandleLeakTracker;
  private readonly watched = new Map<string, Watched>();
  private readonly sampleMs: number;
  private readonly historySize: number;
  private moduleTimer: NodeJS.Timeout | null = null;
  /** Inline modules between start and stop whose handle counts another worker disturbed. */
  private readonly leakWindows = new Map<string, { disturbed: boolean }>();

  constructor(private readonly options: MasterObserversOptions) {
    const { settings, logger, emit } = options;
    this.sampleMs = durationMs(settings.sample_interval);
    this.historySize = Math.max(
      1,
      Math.round(durationMs(settings.metrics_history) / this.sampleMs),
    );
    this.alerts = new AlertStore({ logger });
    this.alerts.on('alert', (alert) => emit('alert', alert));
    this.sampler = new ResourceSampler({ intervalMs: this.sampleMs, logger });
    this.sampler.on('sample', (id, sample) => this.onSample(id, sample));
    this.sampler.start();
    this.memory = new MemoryMonitor(settings.memory_monitor, { logger });
    this.memory.on('sample', (sample) => emit('master-memory', sample));
    this.memory.on('alert', (alert) =>
      this.alerts.raise({
        severity: 'warning',
        kind: 'master_memory',
        workerId: null,
        message: alert.message,
      }),
    );
    this.memory.start();
    this.leaks = new HandleLeakTracker({ logger });
  }

  attach(worker: SupervisedWorker): void {
    const config = worker.config;
    const logger = this.options.logger.child({ worker: worker.id });
    const health = config.health_check
      ? new HealthMonitor(
          config.health_check,
          { pid: () => worker.pid, isHealthy: () => worker.runner.isHealthy?.() ?? true },
          { historySize: this.options.settings.health_history, logger },
        )
      : null;
    const watched: Watched = {
      worker,
      health,
      limits: new LimitWatcher(config.resources),
      metrics: new MetricsHistory(this.historySize),
      unsubscribe: () => {},
    };
    if (health) {
      worker.setHealthSource({ status: () => health.status, history: () => health.history() });
      health.on('result', (status, result) => {
        this.options.emit('health', worker.id, status, result);
        this.options.emit('worker', worker.summary());
      });
      health.on('unhealthy', (result) => {
        this.alerts.raise({
          severity: 'critical',
          kind: 'health',
          workerId: worker.id,
          message: `${worker.id} is unhealthy: ${result.message}`,
        });
        void worker.failRun(`unhealthy (${result.message})`);
      });
    }
    const onTransition = (transition: StateTransition) => this.onTransition(watched, transition);
    const onPanic = (panic: { message: string }) =>
      this.alerts.raise({
        severity: 'warning',
        kind: 'panic',
        workerId: worker.id,
        message: `${worker.id}: module panic: ${panic.message}`,
      });
    worker.on('transition', onTransition);
    worker.on('panic', onPanic);
    watched.unsubscribe = () => {
      worker.off('transition', onTransition);
      worker.off('panic', onPanic);
    };
    this.watched.set(worker.id, watched);
  }

  detach(worker: SupervisedWorker): void {
    const watched = this.watched.get(worker.id);
    if (!watched || watched.worker !== worker) return;
    watched.unsubscribe();
    watched.health?.stop();
    this.sampler.untrack(worker.id);
    this.leaks.forget(worker.id);
    this.leakWindows.delete(worker.id);
    this.watched.delete(worker.id);
  }

  metrics(workerId: string): ResourceSample[] {
    return this.watched.get(workerId)?.metrics.toArray() ?? [];
  }

  masterMemoryHistory(): MemorySample[] {
    return this.memory.history();
  }

  activeHandles(): Record<string, number> {
    return this.leaks.counts();
  }

  close(): void {
    for (const watched of this.watched.values()) watched.health?.stop();
    this.sampler.stop();
    this.memory.stop();
    if (this.moduleTimer) clearTimeout(this.moduleTimer);
    this.moduleTimer = null;
  }

  private onTransition(watched: Watched, transition: StateTransition): void {
    const { worker } = watched;
    this.watchLeaks(worker, transition);
    if (transition.to === 'running') {
      watched.limits.reset();
      watched.health?.start();
      if (worker.config.type === 'process') this.sampler.track(worker.id, () => worker.pid);
      else this.scheduleModuleSampling();
    } else if (transition.from === 'running') {
      watched.health?.stop();
      this.sampler.untrack(worker.id);
    }
    if (transition.to === 'degraded') {
      this.alerts.raise({
        severity: 'critical',
        kind: 'degraded',
        workerId: worker.id,
        message: `${worker.id} is degraded: ${transition.error ?? transition.cause}`,
      });
    }
  }

  /**
   * Marks an inline module's handles as it starts and raises a leak alert for what it left
   * after it stopped. The counts are the whole process's: another worker starting or stopping
   * in that window makes the difference meaningless, so such a window is not judged.
   */
  private watchLeaks(worker: SupervisedWorker, transition: StateTransition): void {
    for (const [id, window] of this.leakWindows) if (id !== worker.id) window.disturbed = true;
    if (worker.runner.moduleDiagnostics?.().isolation !== 'inline') return;
    if (transition.to === 'starting') {
      this.leaks.mark(worker.id);
      this.leakWindows.set(worker.id, { disturbed: false });
      return;
    }
    if (transition.to !== 'idle' && transition.to !== 'exited') return;
    const window = this.leakWindows.get(worker.id);
    this.leakWindows.delete(worker.id);
    if (!window || window.disturbed) {
      this.leaks.forget(worker.id);
      return;
    }
    void this.leaks.check(worker.id).then((leaked) => {
      if (leaked.length === 0) return;
      const what = leaked.map((l) => `${l.type} +${l.after - l.before}`).join(', ');
      this.alerts.raise({
        severity: 'warning',
        kind: 'leak',
        workerId: worker.id,
        message: `${worker.id} left resources behind after stopping: ${what}`,
      });
    });
  }

  /** Thread modules report their own heap; sampled on the same period as processes. */
  private scheduleModuleSampling(): void {
    if (this.moduleTimer) return;
    this.moduleTimer = setTimeout(() => {
      this.moduleTimer = null;
      let any = false;
      for (const { worker } of this.watched.values()) {
        if (worker.config.type !== 'module' || worker.state !== 'running') continue;
        const sample = worker.runner.sampleResources?.();
        if (sample) this.onSample(worker.id, sample);
        any = true;
      }
      if (any) this.scheduleModuleSampling();
    }, this.sampleMs);
  }

  private onSample(workerId: string, sample: ResourceSample): void {
    const watched = this.watched.get(workerId);
    if (!watched || watched.worker.state !== 'running') return;
    watched.worker.recordSample(sample);
    watched.metrics.push(sample);
    this.options.emit('metrics', workerId, sample);
    this.options.emit('worker', watched.worker.summary());
    for (const event of watched.limits.check(sample)) this.actOnLimit(watched.worker, event);
  }

  private actOnLimit(worker: SupervisedWorker, event: LimitEvent): void {
    const logger = this.options.logger.child({ worker: worker.id });
    if (event.action === 'log') {
      logger.warn({ resource: event.resource, value: event.value }, event.message);
      return;
    }
    this.alerts.raise({
      severity: event.level === 'violation' ? 'critical' : 'warning',
      kind: event.resource,
      workerId: worker.id,
      message: `${worker.id}: ${event.message}`,
    });
    if (event.action === 'restart') void worker.failRun(event.message);
    if (event.action === 'stop') void worker.stop(`stopped: ${event.message}`).catch(() => {});
  }
}
