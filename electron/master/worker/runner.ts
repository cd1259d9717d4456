// The seam between supervision and execution. A WorkerRunner knows how to launch one kind of
// worker (a child process, an inline module, a module in a thread); the supervisor above it
// owns states, restarts, health and history, and so treats every kind of worker alike.
import type {
  ExitInfo,
  LogStream,
  ModuleDiagnostics,
  ResourceSample,
} from '../../../shared/types.js';

/** One run of a worker, from a successful launch until it is gone. */
export interface RunHandle {
  /** Operating-system process id, or null for module workers. */
  readonly pid: number | null;
  /** Settles once the run has ended, on its own or after terminate(); never rejects. */
  readonly exited: Promise<ExitInfo>;
  /**
   * Ends the run: a graceful request first (stop signal to the process group, or the module's
   * stop()), then after gracefulMs a forced end (SIGKILL to the group and tree, or thread
   * termination). Resolves only when the run is gone, after `exited` has settled.
   */
  terminate(gracefulMs: number, opts?: { force?: boolean }): Promise<ExitInfo>;
}

export interface RunnerEvents {
  /** A line of output (processes) or of the module's own logging. */
  log(stream: LogStream, text: string): void;
  /** A module error caught outside start/stop (an uncaught throw in its callbacks). */
  panic(error: Error): void;
}

export interface WorkerRunner {
  /** What diagnostics show as the executable: a path, or `in-proc-module:NAME`. */
  describeExecutable(): { path: string; exists: boolean };
  /**
   * Starts one run. Resolves once the worker is running (spawned, or the module's start()
   * resolved); rejects with a message naming the cause when it could not start.
   */
  launch(events: RunnerEvents, signal: AbortSignal): Promise<RunHandle>;
  /** Module health (isHealthy) where the runner has it; undefined when it has no opinion. */
  isHealthy?(): Promise<boolean> | boolean;
  /** Module-specific diagnostics; null for process workers. */
  moduleDiagnostics?(): Pick<ModuleDiagnostics, 'moduleInfo' | 'moduleType' | 'isolation'>;
  /** A resource figure the runner can measure itself (a thread's heap), when it can. */
  sampleResources?(): ResourceSample | null;
}
