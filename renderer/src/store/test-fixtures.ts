// Builders for the reducer tests: plain objects in the shapes the master sends.
import type { EventBatch, Snapshot } from '../../../shared/api-contract.js';
import type { Alert, LogLine, MasterStats, WorkerSummary } from '../../../shared/types.js';

export function summary(id: string, patch: Partial<WorkerSummary> = {}): WorkerSummary {
  return {
    id,
    type: 'process',
    state: 'running',
    enabled: true,
    pid: 100,
    startTime: 1_000,
    restarts: 0,
    health: 'healthy',
    cpu: 1.5,
    memory: 10_000_000,
    lastError: null,
    nextRestartAt: null,
    ...patch,
  };
}

export function masterStats(patch: Partial<MasterStats> = {}): MasterStats {
  return {
    pid: 42,
    startTime: 500,
    version: '0.1.0',
    configPath: 'workers.yaml',
    workers: { total: 0, running: 0, failed: 0 },
    memory: { rss: 1, heapUsed: 1, heapTotal: 1, external: 0 },
    memoryHistory: [],
    activeHandles: {},
    nativeModules: [],
    ...patch,
  };
}

export function snapshot(workers: WorkerSummary[], patch: Partial<Snapshot> = {}): Snapshot {
  return { workers, alerts: [], master: masterStats(), ...patch };
}

export function batch(seq: number, patch: Partial<EventBatch> = {}): EventBatch {
  return { seq, time: 1_000 + seq, ...patch };
}

export function line(
  seq: number,
  text = `line ${seq}`,
  stream: LogLine['stream'] = 'stdout',
): LogLine {
  return { seq, time: 1_000 + seq, stream, text };
}

export function alert(id: string, time: number, patch: Partial<Alert> = {}): Alert {
  return {
    id,
    time,
    severity: 'warning',
    kind: 'memory',
    workerId: 'api',
    message: `alert ${id}`,
    acknowledged: false,
    ...patch,
  };
}
