// A MasterApi whose events a test emits by hand, for the parts that only react to events (the
// event hub) and for failures a real master should never produce (a plain thrown Error).
import { EventEmitter } from 'node:events';
import { ApiError, type ApplyOutcome, type ApplyPlan } from '../../../shared/api-contract.js';
import type { MasterStats, WorkerSummary } from '../../../shared/types.js';
import type { MasterApi, MasterEvents } from '../../master/master-api.js';

export function summaryOf(id: string, patch: Partial<WorkerSummary> = {}): WorkerSummary {
  return {
    id,
    type: 'process',
    state: 'idle',
    enabled: true,
    pid: null,
    startTime: null,
    restarts: 0,
    health: 'unknown',
    cpu: null,
    memory: null,
    lastError: null,
    nextRestartAt: null,
    ...patch,
  };
}

export class ScriptedMaster implements MasterApi {
  readonly workers = new Map<string, WorkerSummary>();
  private readonly emitter = new EventEmitter();
  /** When set, every command throws it: lets a test see how the router treats a failure. */
  failure: Error | null = null;

  constructor(ids: string[] = []) {
    this.emitter.setMaxListeners(0);
    for (const id of ids) this.workers.set(id, summaryOf(id));
  }

  emit<E extends keyof MasterEvents>(event: E, ...args: Parameters<MasterEvents[E]>): void {
    this.emitter.emit(event, ...args);
  }

  listenerCount(): number {
    return this.emitter.eventNames().reduce((n, e) => n + this.emitter.listenerCount(e), 0);
  }

  on<E extends keyof MasterEvents>(event: E, listener: MasterEvents[E]): this {
    this.emitter.on(event, listener);
    return this;
  }

  off<E extends keyof MasterEvents>(event: E, listener: MasterEvents[E]): this {
    this.emitter.off(event, listener);
    return this;
  }

  listWorkers(): WorkerSummary[] {
    return [...this.workers.values()];
  }

  getSummary(id: string): WorkerSummary {
    if (this.failure !== null) throw this.failure;
    const summary = this.workers.get(id);
    if (!summary) throw new ApiError('not_found', `no worker ${id}`);
    return summary;
  }

  getDiagnostics(id: string): never {
    this.getSummary(id);
    throw new ApiError('internal', 'diagnostics are not scripted');
  }

  startWorker(id: string): Promise<void> {
    this.workers.set(id, { ...this.getSummary(id), state: 'running' });
    return Promise.resolve();
  }

  stopWorker(id: string): Promise<void> {
    this.workers.set(id, { ...this.getSummary(id), state: 'idle' });
    return Promise.resolve();
  }

  restartWorker(id: string): Promise<void> {
    return this.startWorker(id);
  }

  getLogs(id: string): [] {
    this.getSummary(id);
    return [];
  }

  getHealth(id: string): { status: 'unknown'; history: [] } {
    this.getSummary(id);
    return { status: 'unknown', history: [] };
  }

  getMetrics(id: string): [] {
    this.getSummary(id);
    return [];
  }

  listAlerts(): [] {
    return [];
  }

  acknowledgeAlert(): number {
    return 0;
  }

  acknowledgeAllAlerts(): number {
    return 0;
  }

  getStats(): MasterStats {
    const all = this.listWorkers();
    return {
      pid: process.pid,
      startTime: 0,
      version: '0.0.0',
      configPath: null,
      workers: {
        total: all.length,
        running: all.filter((w) => w.state === 'running').length,
        failed: all.filter((w) => w.state === 'failed_start' || w.state === 'degraded').length,
      },
      memory: { rss: 0, heapUsed: 0, heapTotal: 0, external: 0 },
      memoryHistory: [],
      activeHandles: {},
      nativeModules: [],
    };
  }

  planApply(): ApplyPlan {
    return { start: [], stop: [], restart: [], unchanged: [], keptStopped: [] };
  }

  applyConfig(): Promise<ApplyOutcome> {
    return Promise.resolve({ plan: this.planApply(), errors: [] });
  }

  shutdown(): Promise<void> {
    for (const [id, summary] of this.workers) this.workers.set(id, { ...summary, state: 'idle' });
    return Promise.resolve();
  }
}
