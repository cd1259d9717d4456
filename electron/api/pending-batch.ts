// What has happened since the last batch, kept in coalesced form: a newer summary or sample
// replaces the older one, log lines keep only the newest few per worker.
import type { EventBatch } from '../../shared/api-contract.js';
import type {
  Alert,
  HealthCheckResult,
  HealthStatus,
  LogLine,
  ResourceSample,
  StateTransition,
  WorkerSummary,
} from '../../shared/types.js';
import type { ConfigChange } from './config-port.js';

type MasterMemory = NonNullable<EventBatch['master']>;
type HealthEntry = NonNullable<EventBatch['health']>[number];

/** Bounds on lists that are not coalesced per worker, so one burst cannot flood a window. */
const MAX_TRANSITIONS = 2_000;
const MAX_HEALTH = 2_000;
const MAX_ALERTS = 500;

export class PendingBatch {
  private summaries = new Map<string, WorkerSummary>();
  private samples = new Map<string, ResourceSample>();
  private logs = new Map<string, LogLine[]>();
  private removedIds = new Set<string>();
  private transitions: { workerId: string; transition: StateTransition }[] = [];
  private healthResults: HealthEntry[] = [];
  private alerts: Alert[] = [];
  private memory: MasterMemory | null = null;
  private configChange: ConfigChange | null = null;
  private empty = true;

  constructor(private readonly maxLogLinesPerWorker: number) {}

  summary(summary: WorkerSummary): void {
    this.removedIds.delete(summary.id);
    this.summaries.set(summary.id, summary);
    this.empty = false;
  }

  transition(workerId: string, transition: StateTransition): void {
    pushBounded(this.transitions, { workerId, transition }, MAX_TRANSITIONS);
    this.empty = false;
  }

  log(workerId: string, line: LogLine): void {
    let lines = this.logs.get(workerId);
    if (!lines) this.logs.set(workerId, (lines = []));
    pushBounded(lines, line, this.maxLogLinesPerWorker);
    this.empty = false;
  }

  health(workerId: string, status: HealthStatus, result: HealthCheckResult): void {
    pushBounded(this.healthResults, { workerId, status, result }, MAX_HEALTH);
    this.empty = false;
  }

  metrics(workerId: string, sample: ResourceSample): void {
    this.samples.set(workerId, sample);
    this.empty = false;
  }

  alert(alert: Alert): void {
    pushBounded(this.alerts, alert, MAX_ALERTS);
    this.empty = false;
  }

  removed(workerId: string): void {
    this.summaries.delete(workerId);
    this.samples.delete(workerId);
    this.logs.delete(workerId);
    this.removedIds.add(workerId);
    this.empty = false;
  }

  masterMemory(sample: MasterMemory): void {
    this.memory = sample;
    this.empty = false;
  }

  config(change: ConfigChange): void {
    this.configChange = change;
    this.empty = false;
  }

  /** Returns what was pending (null when nothing was) and starts afresh. */
  take(): EventBatch | null {
    if (this.empty) return null;
    const batch: EventBatch = { seq: 0, time: Date.now() };
    if (this.summaries.size > 0) batch.workers = [...this.summaries.values()];
    if (this.removedIds.size > 0) batch.removed = [...this.removedIds];
    if (this.transitions.length > 0) batch.transitions = this.transitions;
    if (this.logs.size > 0) {
      batch.logs = [...this.logs].map(([workerId, lines]) => ({ workerId, lines }));
    }
    if (this.healthResults.length > 0) batch.health = this.healthResults;
    if (this.samples.size > 0) {
      batch.metrics = [...this.samples].map(([workerId, sample]) => ({ workerId, sample }));
    }
    if (this.alerts.length > 0) batch.alerts = this.alerts;
    if (this.memory) batch.master = this.memory;
    if (this.configChange) batch.config = this.configChange;
    this.reset();
    return batch;
  }

  private reset(): void {
    this.summaries = new Map();
    this.samples = new Map();
    this.logs = new Map();
    this.removedIds = new Set();
    this.transitions = [];
    this.healthResults = [];
    this.alerts = [];
    this.memory = null;
    this.configChange = null;
    this.empty = true;
  }
}

/** Appends and drops the oldest entry beyond `max`; a burst keeps its newest part. */
function pushBounded<T>(list: T[], item: T, max: number): void {
  list.push(item);
  if (list.length > max) list.splice(0, list.length - max);
}
