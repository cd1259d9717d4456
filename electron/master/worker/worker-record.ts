// What a supervised worker remembers across runs, and the summary and diagnostics built from
// it for the API.
import type { WorkerConfig } from '../../../shared/config-schema.js';
import type {
  ExitInfo,
  HealthCheckResult,
  HealthStatus,
  PanicRecord,
  ResourceSample,
  StateTransition,
  WorkerDiagnostics,
  WorkerState,
  WorkerSummary,
} from '../../../shared/types.js';
import type { WorkerRunner } from './runner.js';

const MAX_TRANSITIONS = 200;

export interface HealthSource {
  status(): HealthStatus;
  history(): HealthCheckResult[];
}

export class WorkerRecord {
  readonly transitions: StateTransition[] = [];
  lastError: string | null = null;
  lastExit: ExitInfo | null = null;
  startTime: number | null = null;
  nextRestartAt: number | null = null;
  /** Consecutive restarts counted against max_retries. */
  retryCount = 0;
  restartCount = 0;
  startCount = 0;
  lastRestart: number | null = null;
  panics = 0;
  /** Panics counted against panic_threshold; an operator's start or restart clears them. */
  panicsSinceStart = 0;
  lastPanic: PanicRecord | null = null;

  /** Counts and history go on; what belongs to a run or to the policy's wait starts afresh. */
  carryOver(): WorkerRecord {
    const next = new WorkerRecord();
    next.transitions.push(...this.transitions);
    next.lastError = this.lastError;
    next.lastExit = this.lastExit;
    next.restartCount = this.restartCount;
    next.startCount = this.startCount;
    next.lastRestart = this.lastRestart;
    next.panics = this.panics;
    next.lastPanic = this.lastPanic;
    return next;
  }

  addTransition(transition: StateTransition): void {
    this.transitions.push(transition);
    if (this.transitions.length > MAX_TRANSITIONS) this.transitions.shift();
  }
}

export interface WorkerFacts {
  id: string;
  config: WorkerConfig;
  state: WorkerState;
  pid: number | null;
  /** Whether a run exists: figures of a finished run are not shown as current. */
  running: boolean;
  record: WorkerRecord;
  health: HealthSource | null;
  sample: ResourceSample | null;
  runner: WorkerRunner;
}

export function summarize(facts: WorkerFacts): WorkerSummary {
  const { record, running, sample } = facts;
  return {
    id: facts.id,
    type: facts.config.type,
    state: facts.state,
    enabled: facts.config.enabled,
    pid: facts.pid,
    startTime: running ? record.startTime : null,
    restarts: record.restartCount,
    health: facts.health?.status() ?? 'unknown',
    cpu: running ? (sample?.cpuPercent ?? null) : null,
    memory: running ? (sample?.memoryBytes ?? null) : null,
    lastError: record.lastError,
    nextRestartAt: record.nextRestartAt,
  };
}

export function diagnose(facts: WorkerFacts): WorkerDiagnostics {
  const { record, running } = facts;
  const executable = facts.runner.describeExecutable();
  const healthHistory = facts.health?.history() ?? [];
  const module = facts.runner.moduleDiagnostics?.();
  return {
    id: facts.id,
    type: facts.config.type,
    state: facts.state,
    enabled: facts.config.enabled,
    lastError: record.lastError,
    startTime: running ? record.startTime : null,
    resourceUsage: running ? facts.sample : null,
    processId: facts.pid,
    executablePath: executable.path,
    executableExists: executable.exists,
    healthStatus: facts.health?.status() ?? 'unknown',
    healthHistory,
    restarts: record.restartCount,
    retryCount: record.retryCount,
    nextRestartAt: record.nextRestartAt,
    lastExit: record.lastExit,
    transitions: [...record.transitions],
    moduleDiagnostics: module
      ? {
          ...module,
          startCount: record.startCount,
          lastRestart: record.lastRestart,
          panics: record.panics,
          lastPanic: record.lastPanic,
          healthHistory,
        }
      : null,
  };
}
