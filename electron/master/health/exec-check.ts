// An exec health check: the command runs in its own process group so that a timeout, or a
// command that leaves background processes behind, can be cleaned up as a whole.
import { spawn } from 'node:child_process';
import type { HealthCheckConfig } from '../../../shared/config-schema.js';
import type { CheckOutcome } from './checkers.js';

type ExecCheck = NonNullable<HealthCheckConfig['exec']>;

/** Characters of output kept to explain a result. */
const OUTPUT_TAIL = 400;

export function runExecCheck(exec: ExecCheck, signal: AbortSignal): Promise<CheckOutcome> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const child = spawn(exec.command, exec.args, {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);

    const onAbort = (): void => {
      killGroup(child.pid);
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });

    child.once('error', (error) => {
      signal.removeEventListener('abort', onAbort);
      reject(new Error(`cannot run ${exec.command}: ${error.message}`));
    });
    child.once('exit', (code, exitSignal) => {
      signal.removeEventListener('abort', onAbort);
      // Anything the command started in the background dies with it; the group id cannot be
      // reused while any member lives, so this reaches only the command's own processes.
      killGroup(child.pid);
      const last = lastLine(output);
      const status = exitSignal ? `killed by ${exitSignal}` : `exit code ${code ?? '?'}`;
      resolve({ ok: code === 0, message: last ? `${status}: ${last}` : status });
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: the group is already empty.
  }
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  return (lines[lines.length - 1] ?? '').trim();
}
