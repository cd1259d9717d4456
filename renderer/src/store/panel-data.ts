// The shape of everything the panel knows about the master, and the bounds that keep it small.
import type { EventBatch } from '../../../shared/api-contract.js';
import type {
  Alert,
  HealthCheckResult,
  HealthStatus,
  LogLine,
  MasterStats,
  ResourceSample,
  StateTransition,
  WorkerSummary,
} from '../../../shared/types.js';

export const LOG_LIMIT = 5000;
export const METRICS_LIMIT = 720;
export const HEALTH_LIMIT = 500;
export const TRANSITION_LIMIT = 200;
export const MASTER_MEMORY_LIMIT = 720;
export const ALERT_LIMIT = 1000;

export interface WorkerHealth {
  status: HealthStatus;
  history: HealthCheckResult[];
}

export type MasterMemorySample = NonNullable<EventBatch['master']>;
export type ConfigNotice = NonNullable<EventBatch['config']>;

export interface PanelData {
  /** Counts snapshots, so a view that fetched history can fetch it again after a reconnect. */
  epoch: number;
  lastSeq: number;
  workers: Record<string, WorkerSummary>;
  /** Worker ids in the master's order; a new array only when membership changes. */
  workerIds: string[];
  transitions: Record<string, StateTransition[]>;
  logs: Record<string, LogLine[]>;
  health: Record<string, WorkerHealth>;
  metrics: Record<string, ResourceSample[]>;
  /** Newest first. */
  alerts: Alert[];
  master: MasterStats | null;
  masterMemory: MasterMemorySample[];
  config: ConfigNotice | null;
}

export const EMPTY_PANEL: PanelData = {
  epoch: 0,
  lastSeq: -1,
  workers: {},
  workerIds: [],
  transitions: {},
  logs: {},
  health: {},
  metrics: {},
  alerts: [],
  master: null,
  masterMemory: [],
  config: null,
};
