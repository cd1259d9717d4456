// Runs a process worker: spawns its executable with arguments, environment and working
// directory as configured, with no shell between, and hands each run to a ProcessRun.
import { spawn, type ChildProcess } from 'node:child_process';
import { statSync } from 'node:fs';
import type { Logger } from 'pino';
import type { ProcessWorkerConfig } from '../../../shared/config-schema.js';
import type { RunHandle, RunnerEvents, WorkerRunner } from '../worker/runner.js';
import { describeExecutable, type ExecutableInfo } from './executable.js';
import { ProcessRun } from './process-run.js';

const IS_WINDOWS = process.platform === 'win32';

export class ProcessRunner implements WorkerRunner {
  private readonly logger: Logger;

  constructor(
    private readonly config: ProcessWorkerConfig,
    logger: Logger,
  ) {
    this.logger = logger.child({ worker: config.id });
  }

  describeExecutable(): ExecutableInfo {
    const command = this.config.executable_path;
    if (command === undefined) return { path: '', exists: false, executable: false };
    return describeExecutable(command, this.environment(), this.config.working_directory);
  }

  launch(events: RunnerEvents, signal: AbortSignal): Promise<RunHandle> {
    const command = this.config.executable_path;
    if (command === undefined) {
      return Promise.reject(
        new Error('no executable_path configured (and no package supplies one)'),
      );
    }
    if (signal.aborted) return Promise.reject(new Error(`start of ${command} aborted`));
    return new Promise((resolve, reject) => {
      let child: ChildProcess;
      try {
        child = spawn(command, this.config.args, {
          cwd: this.config.working_directory,
          env: this.environment(),
          stdio: ['ignore', 'pipe', 'pipe'],
          // Leading its own process group lets a stop reach everything the worker started.
          detached: !IS_WINDOWS,
          windowsHide: true,
        });
      } catch (error) {
        reject(new Error(`cannot start ${command}: ${messageOf(error)}`));
        return;
      }
      child.once('error', (error) => reject(this.spawnError(command, error)));
      child.once('spawn', () => {
        const pid = child.pid as number;
        const run = new ProcessRun(child, pid, events, this.config.stop_signal, this.logger);
        if (signal.aborted) {
          void run
            .terminate(0, { force: true })
            .then(() => reject(new Error(`start of ${command} aborted`)));
          return;
        }
        this.logger.debug({ pid, executable: command, args: this.config.args }, 'spawned');
        resolve(run);
      });
    });
  }

  /** Values pass byte for byte: no shell, no expansion of `$`, `%` or spaces. */
  private environment(): NodeJS.ProcessEnv {
    return { ...process.env, ...this.config.environment };
  }

  private spawnError(command: string, error: Error): Error {
    const cwd = this.config.working_directory;
    switch ((error as NodeJS.ErrnoException).code) {
      case 'ENOENT':
        // A missing working directory fails the spawn with the same code.
        if (cwd !== undefined && !isDirectory(cwd)) {
          return new Error(`working directory not found: ${cwd}`);
        }
        return new Error(`executable not found: ${command}`);
      case 'EACCES':
        return new Error(`permission denied: ${command}`);
      default:
        return new Error(`cannot start ${command}: ${error.message}`);
    }
  }
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
