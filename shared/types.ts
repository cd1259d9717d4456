// The worker model shared by the master, the API and the renderer.

export type WorkerType = 'process' | 'module';
export type ModuleType = 'native' | 'plugin';

/**
 * idle: never started or stopped by the operator. starting / stopping: in transition.
 * running: alive. exited: ended on its own and the policy does not restart it.
 * backoff: waiting out the restart delay. failed_start: the last start failed.
 * degraded: gave up after max_retries (or too many panics); start it again by hand.
 */
export const WORKER_STATES = [
  'idle',
  'starting',
  'running',
  'stopping',
  'exited',
  'backoff',
  'failed_start',
  'degraded',
] as const;
export type WorkerState = (typeof WORKER_STATES)[number];

export interface StateTransition {
  time: number;
  from: WorkerState;
  to: WorkerState;
  cause: string;
  error: string | null;
}

export type HealthStatus = 'unknown' | 'healthy' | 'degraded' | 'unhealthy';

export interface HealthCheckResult {
  time: number;
  ok: boolean;
  latencyMs: number;
  message: string;
}

export interface ResourceSample {
  time: number;
  /** Percent of one core, summed over the worker's process tree; null where none exists. */
  cpuPercent: number | null;
  /** Bytes of resident memory over the process tree (processes) or heap (thread modules). */
  memoryBytes: number | null;
  /** Number of processes counted (the worker and its descendants). */
  processCount: number;
}

export interface EndpointInfo {
  name: string;
  type: string;
  address: string;
}

export interface ModuleInfo {
  name: string;
  version: string;
  description: string;
  author: string;
  endpoints: EndpointInfo[];
}

export interface PanicRecord {
  time: number;
  message: string;
  stack: string | null;
}

export interface ModuleDiagnostics {
  moduleInfo: ModuleInfo | null;
  moduleType: ModuleType;
  isolation: 'inline' | 'thread';
  startCount: number;
  lastRestart: number | null;
  panics: number;
  lastPanic: PanicRecord | null;
  healthHistory: HealthCheckResult[];
}

export interface ExitInfo {
  time: number;
  code: number | null;
  signal: string | null;
  /** How long the run lasted, in milliseconds. */
  uptimeMs: number;
  /** Why it ended, where the runner knows more than a code (a thread out of heap). */
  reason?: string;
}

export interface WorkerDiagnostics {
  id: string;
  type: WorkerType;
  state: WorkerState;
  enabled: boolean;
  lastError: string | null;
  startTime: number | null;
  resourceUsage: ResourceSample | null;
  processId: number | null;
  executablePath: string;
  executableExists: boolean;
  healthStatus: HealthStatus;
  healthHistory: HealthCheckResult[];
  restarts: number;
  /** Consecutive restarts counted against max_retries. */
  retryCount: number;
  nextRestartAt: number | null;
  lastExit: ExitInfo | null;
  transitions: StateTransition[];
  moduleDiagnostics: ModuleDiagnostics | null;
}

export interface WorkerSummary {
  id: string;
  type: WorkerType;
  state: WorkerState;
  enabled: boolean;
  pid: number | null;
  startTime: number | null;
  restarts: number;
  health: HealthStatus;
  cpu: number | null;
  memory: number | null;
  lastError: string | null;
  nextRestartAt: number | null;
}

export type LogStream = 'stdout' | 'stderr' | 'system';

export interface LogLine {
  /** Increasing per worker; lets a client ask for what it missed. */
  seq: number;
  time: number;
  stream: LogStream;
  text: string;
}

export type AlertSeverity = 'info' | 'warning' | 'critical';
export type AlertKind =
  'memory' | 'cpu' | 'health' | 'panic' | 'degraded' | 'master_memory' | 'leak';

export interface Alert {
  id: string;
  time: number;
  severity: AlertSeverity;
  kind: AlertKind;
  workerId: string | null;
  message: string;
  acknowledged: boolean;
}

export interface MasterStats {
  pid: number;
  startTime: number;
  version: string;
  configPath: string | null;
  workers: { total: number; running: number; failed: number };
  memory: { rss: number; heapUsed: number; heapTotal: number; external: number };
  /** Samples of the master's own memory, oldest first. */
  memoryHistory: { time: number; rss: number; heapUsed: number }[];
  activeHandles: Record<string, number>;
  nativeModules: string[];
}

/** Exhaustiveness helper for switches over unions. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
