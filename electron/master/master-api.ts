// What the API router may ask of the master: the router is the only door into it, and this is
// the whole of what that door opens onto.
import type { ApplyOutcome, ApplyPlan } from '../../shared/api-contract.js';
import type { LoadedConfig } from './config/loaded-config.js';
import type {
  Alert,
  HealthCheckResult,
  HealthStatus,
  LogLine,
  MasterStats,
  ResourceSample,
  StateTransition,
  WorkerDiagnostics,
  WorkerSummary,
} from '../../shared/types.js';

export interface MasterEvents {
  /** A worker's summary changed (state, pid, health, figures). */
  worker: (summary: WorkerSummary) => void;
  transition: (workerId: string, transition: StateTransition) => void;
  log: (workerId: string, line: LogLine) => void;
  health: (workerId: string, status: HealthStatus, result: HealthCheckResult) => void;
  metrics: (workerId: string, sample: ResourceSample) => void;
  alert: (alert: Alert) => void;
  removed: (workerId: string) => void;
  /** The master's own memory, sampled by its memory monitor. */
  'master-memory': (sample: { time: number; rss: number; heapUsed: number }) => void;
}

export interface MasterApi {
  on<E extends keyof MasterEvents>(event: E, listener: MasterEvents[E]): this;
  off<E extends keyof MasterEvents>(event: E, listener: MasterEvents[E]): this;

  listWorkers(): WorkerSummary[];
  /** Throws ApiError('not_found') for an unknown id. */
  getDiagnostics(id: string): WorkerDiagnostics;
  getSummary(id: string): WorkerSummary;
  /** Throws ApiError('conflict') when the state forbids it, ('process') when it fails. */
  startWorker(id: string): Promise<void>;
  /** `force` kills at once instead of waiting out graceful_timeout. */
  stopWorker(id: string, force?: boolean): Promise<void>;
  restartWorker(id: string, force: boolean): Promise<void>;
  getLogs(id: string, tail?: number): LogLine[];
  getHealth(id: string): { status: HealthStatus; history: HealthCheckResult[] };
  getMetrics(id: string): ResourceSample[];
  listAlerts(): Alert[];
  acknowledgeAlert(id: string): number;
  acknowledgeAllAlerts(): number;
  getStats(): MasterStats;
  /** What applying `next` would do to the running workers. */
  planApply(next: LoadedConfig): ApplyPlan;
  applyConfig(next: LoadedConfig): Promise<ApplyOutcome>;
  /** Stops every worker within master.force_shutdown_timeout. */
  shutdown(): Promise<void>;
}
