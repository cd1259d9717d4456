// Shared by the process tests: a runner over real processes, its output, and cleanup.
import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import { processWorker, type ProcessWorkerConfig } from '../../../shared/config-schema.js';
import type { LogStream } from '../../../shared/types.js';
import type { RunHandle, RunnerEvents } from '../worker/runner.js';
import { ProcessRunner } from './process-runner.js';

export const silentLogger = pino({ level: 'silent' });

export function workerConfig(
  executable: string,
  args: string[],
  extra: Partial<ProcessWorkerConfig> = {},
): ProcessWorkerConfig {
  return {
    ...processWorker.parse({
      id: 'test-worker',
      type: 'process',
      executable_path: executable,
      args,
    }),
    ...extra,
  };
}

/** Output of one run, with event-driven waits for the line a test expects. */
export class Output implements RunnerEvents {
  readonly lines: { stream: LogStream; text: string }[] = [];
  readonly panics: Error[] = [];
  private waiters: (() => void)[] = [];

  log(stream: LogStream, text: string): void {
    this.lines.push({ stream, text });
    for (const wake of this.waiters) wake();
  }

  panic(error: Error): void {
    this.panics.push(error);
  }

  texts(stream: LogStream): string[] {
    return this.lines.filter((line) => line.stream === stream).map((line) => line.text);
  }

  /** Resolves with the first line matching, or rejects after timeoutMs. */
  waitFor(match: (text: string) => boolean, timeoutMs = 15_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.lines.find((line) => match(line.text));
        if (found === undefined) return false;
        done();
        resolve(found.text);
        return true;
      };
      const timer = setTimeout(() => {
        done();
        reject(
          new Error(`no matching line within ${timeoutMs} ms; got ${JSON.stringify(this.lines)}`),
        );
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((waiter) => waiter !== onLine);
      };
      const onLine = (): void => void check();
      if (!check()) this.waiters.push(onLine);
    });
  }
}

/** Starts runs and remembers every process, so afterEach can end them all. */
export class RunTracker {
  private readonly handles: RunHandle[] = [];
  private readonly pids = new Set<number>();

  async launch(config: ProcessWorkerConfig, output = new Output()): Promise<[RunHandle, Output]> {
    const handle = await new ProcessRunner(config, silentLogger).launch(
      output,
      new AbortController().signal,
    );
    this.handles.push(handle);
    return [handle, output];
  }

  adopt(pid: number): void {
    this.pids.add(pid);
  }

  async cleanup(): Promise<void> {
    await Promise.all(this.handles.map((handle) => handle.terminate(0, { force: true })));
    for (const pid of this.pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    this.handles.length = 0;
    this.pids.clear();
  }
}

/**
 * Checked independently of the code under test: kill(pid, 0) fails with ESRCH, or the pid is
 * a zombie (dead, waiting for an init that does not reap orphans in some containers).
 */
export function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
  try {
    return /^\d+ \(.*\) Z /s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/** Polls condition until it holds or the deadline passes; returns whether it held. */
export async function eventually(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Settles with the promise's value, or with 'timeout' after ms. */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
