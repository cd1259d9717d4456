// One run of a process worker, from spawn until the process and everything it started are gone.
import type { ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { ExitInfo, LogStream } from '../../../shared/types.js';
import type { RunHandle, RunnerEvents } from '../worker/runner.js';
import {
  isProcessAlive,
  listDescendants,
  sendSignal,
  signalGroup,
  taskkillTree,
  waitForGone,
} from './kill-tree.js';
import { LineSplitter } from './line-splitter.js';

const IS_WINDOWS = process.platform === 'win32';
/** How long output may keep arriving after the exit before the pipes are closed. */
const DRAIN_MS = 2_000;
/** Bound on waiting for killed processes to vanish, so a stop never hangs. */
const REAP_TIMEOUT_MS = 5_000;
const POLL_MS = 25;

export class ProcessRun implements RunHandle {
  readonly pid: number;
  readonly exited: Promise<ExitInfo>;
  private exitInfo: ExitInfo | null = null;
  private stopping: Promise<ExitInfo> | null = null;
  private forced = false;
  private requestForce: () => void = () => undefined;
  private readonly forceRequested = new Promise<void>((resolve) => (this.requestForce = resolve));
  /** Descendants seen before signalling; some may have left the group and need their own kill. */
  private readonly recorded = new Set<number>();
  private readonly openStreams = new Set<Readable>();

  constructor(
    private readonly child: ChildProcess,
    pid: number,
    events: RunnerEvents,
    private readonly stopSignal: NodeJS.Signals,
    private readonly logger: Logger,
  ) {
    this.pid = pid;
    const startedAt = performance.now();
    // 'exit', not 'close': a descendant holding the output pipe must not hide the exit.
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        const info: ExitInfo = {
          time: Date.now(),
          code,
          signal,
          uptimeMs: Math.round(performance.now() - startedAt),
        };
        this.exitInfo = info;
        resolve(info);
        this.afterExit(info);
      });
    });
    child.on('error', (error) => this.logger.warn({ pid, err: error }, 'process error'));
    if (child.stdout) this.capture(child.stdout, 'stdout', events);
    if (child.stderr) this.capture(child.stderr, 'stderr', events);
  }

  terminate(gracefulMs: number, opts: { force?: boolean } = {}): Promise<ExitInfo> {
    if (opts.force === true && !this.forced) {
      this.forced = true;
      this.requestForce();
    }
    this.stopping ??= this.stop(gracefulMs);
    return this.stopping;
  }

  private async stop(gracefulMs: number): Promise<ExitInfo> {
    const deadline = Date.now() + gracefulMs;
    if (this.exitInfo === null) {
      for (const pid of await listDescendants(this.pid)) this.recorded.add(pid);
    }
    if (this.exitInfo === null && !this.forced) {
      this.logger.debug({ pid: this.pid, signal: this.stopSignal }, 'stopping');
      this.signalAll(this.stopSignal);
      await this.graceUntil(deadline);
      if (this.exitInfo === null && !this.forced) {
        this.logger.warn(
          { pid: this.pid, signal: this.stopSignal },
          `did not stop within ${gracefulMs} ms of ${this.stopSignal}; killing`,
        );
      }
    }
    if (this.exitInfo === null) await this.killAll();
    const info = await this.exited;
    // Whatever is left of the group and the recorded tree, now that the leader is gone.
    await this.killAll();
    const survivors = await waitForGone(this.recorded, REAP_TIMEOUT_MS);
    if (survivors.length > 0) {
      this.logger.warn({ pid: this.pid, survivors }, 'processes still alive after SIGKILL');
    }
    return info;
  }

  /** Waits for the leader and the recorded descendants, until the deadline or a forced stop. */
  private async graceUntil(deadline: number): Promise<void> {
    const timer = new AbortController();
    const timeout = delay(Math.max(0, deadline - Date.now()), undefined, { signal: timer.signal });
    await Promise.race([this.exited, this.forceRequested, timeout.catch(() => undefined)]);
    timer.abort();
    while (!this.forced && Date.now() < deadline && this.anyRecordedAlive()) await delay(POLL_MS);
  }

  private anyRecordedAlive(): boolean {
    for (const pid of this.recorded) if (isProcessAlive(pid)) return true;
    return false;
  }

  private signalAll(signal: NodeJS.Signals): void {
    if (this.exitInfo !== null) return;
    // On Windows there are no groups and every signal ends the process outright.
    if (IS_WINDOWS || !signalGroup(this.pid, signal)) this.child.kill(signal);
  }

  private async killAll(): Promise<void> {
    if (IS_WINDOWS) {
      if (this.exitInfo === null) await taskkillTree(this.pid);
    } else {
      signalGroup(this.pid, 'SIGKILL');
    }
    if (this.exitInfo === null) this.child.kill('SIGKILL');
    for (const pid of this.recorded) sendSignal(pid, 'SIGKILL');
  }

  private afterExit(info: ExitInfo): void {
    this.logger.debug({ pid: this.pid, ...info }, 'process exited');
    // The worker is gone: whatever it left in its group would hold its ports and pipes.
    if (this.stopping === null && !IS_WINDOWS && signalGroup(this.pid, 'SIGKILL')) {
      this.logger.info({ pid: this.pid }, 'killed processes left behind in its group');
    }
    if (this.openStreams.size === 0) return;
    const drain = setTimeout(() => {
      for (const stream of this.openStreams) stream.destroy();
    }, DRAIN_MS);
    drain.unref();
  }

  private capture(stream: Readable, name: LogStream, events: RunnerEvents): void {
    const splitter = new LineSplitter((text) => events.log(name, text));
    this.openStreams.add(stream);
    stream.on('data', (chunk: Buffer) => splitter.write(chunk));
    stream.on('error', (error) => this.logger.debug({ err: error, stream: name }, 'pipe error'));
    // 'close' follows both a normal end and a destroy after the drain period.
    stream.once('close', () => {
      this.openStreams.delete(stream);
      splitter.end();
    });
  }
}
