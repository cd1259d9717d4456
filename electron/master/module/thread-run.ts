// One run of a module in its own worker thread. The thread has a heap limit and can be
// terminated, so a module that runs out of memory, throws fatally or spins forever ends this
// run like a crashed process: `exited` settles and the supervisor applies its restart policy.
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { ModuleWorkerConfig } from '../../../shared/config-schema.js';
import { durationMs, formatDuration } from '../../../shared/duration.js';
import {
  assertNever,
  type ExitInfo,
  type LogStream,
  type ModuleInfo,
  type ResourceSample,
} from '../../../shared/types.js';
import type { RunHandle, RunnerEvents } from '../worker/runner.js';
import { bounded, deferred, type Deferred } from './call-bounds.js';
import { errorMessage } from './module-loader.js';
import type { ImportableModule } from './module-source.js';
import { threadHostEntry } from './thread-entry.js';
import {
  deserializeError,
  type HealthReply,
  type HostCommand,
  type HostMessage,
  type HostRequest,
  type SerializedError,
} from './thread-protocol.js';

type Phase = 'launching' | 'running' | 'stopping' | 'ended';
type RequestBody<R = HostRequest> = R extends HostRequest ? Omit<R, 'id'> : never;

const HEALTH_REPLY_MS = 5000;
const HEAP_SAMPLE_MS = 1000;

export interface ThreadRunOptions {
  config: ModuleWorkerConfig;
  module: ImportableModule;
  heapLimitMb: number;
  logger: Logger;
  events: RunnerEvents;
}

export class ThreadRun implements RunHandle {
  readonly pid = null;
  readonly exited: Promise<ExitInfo>;
  #phase: Phase = 'launching';
  #info: ModuleInfo | null = null;
  #heap: ResourceSample | null = null;
  #startedAt = Date.now();
  #lastError: Error | null = null;
  #nextId = 1;
  #terminating: Promise<ExitInfo> | null = null;
  readonly #worker: Worker;
  readonly #pending = new Map<number, Deferred<unknown>>();
  readonly #launchPanic = deferred<never>();
  readonly #exited = deferred<ExitInfo>();

  constructor(private readonly opts: ThreadRunOptions) {
    this.exited = this.#exited.promise;
    this.#launchPanic.promise.catch(() => undefined);
    const entry = threadHostEntry();
    this.#worker = new Worker(entry, {
      workerData: {
        workerId: opts.config.id,
        url: opts.module.url,
        exportName: opts.module.exportName,
        label: opts.module.label,
        heapSampleMs: HEAP_SAMPLE_MS,
      },
      resourceLimits: { maxOldGenerationSizeMb: opts.heapLimitMb },
      stdout: true,
      stderr: true,
    });
    this.#forwardLines(this.#worker.stdout, 'stdout');
    this.#forwardLines(this.#worker.stderr, 'stderr');
    this.#worker.on('message', (message: HostMessage) => this.#onMessage(message));
    this.#worker.on('error', (error) => this.#onError(error));
    this.#worker.on('exit', (code) => this.#onExit(code));
  }

  get ended(): boolean {
    return this.#phase === 'ended';
  }

  get info(): ModuleInfo | null {
    return this.#info;
  }

  /** Loads, initializes and starts the module in the thread within startup_timeout. */
  async launch(signal: AbortSignal): Promise<void> {
    const startupMs = durationMs(this.opts.config.startup_timeout);
    const config = this.opts.config.config;
    const work = (async () => {
      await this.#request({ op: 'load' });
      await this.#request({ op: 'initialize', config });
      await this.#request({ op: 'start' });
    })();
    work.catch(() => undefined);
    try {
      await bounded(
        Promise.race([work, this.#launchPanic.promise]),
        startupMs,
        'module start',
        signal,
      );
      this.#info = (await bounded(
        this.#request({ op: 'getInfo' }),
        startupMs,
        'getInfo',
      )) as ModuleInfo;
    } catch (error) {
      this.#post({ op: 'cancel' });
      await this.#worker.terminate();
      await this.exited;
      throw error;
    }
    this.#phase = 'running';
    this.#startedAt = Date.now();
  }

  terminate(gracefulMs: number, opts?: { force?: boolean }): Promise<ExitInfo> {
    this.#terminating ??= this.#stop(gracefulMs, opts?.force === true);
    return this.#terminating;
  }

  async isHealthy(): Promise<boolean> {
    if (this.#phase !== 'running') return false;
    try {
      const request = this.#request({ op: 'isHealthy' });
      const reply = (await bounded(request, HEALTH_REPLY_MS, 'isHealthy')) as HealthReply;
      if (reply.info !== null) this.#info = reply.info;
      return reply.healthy;
    } catch (error) {
      this.opts.logger.warn(`module isHealthy() failed: ${errorMessage(error)}`);
      return false;
    }
  }

  /** The thread's heap as last reported; the time tells how fresh it is. */
  sampleResources(): ResourceSample | null {
    return this.#phase === 'running' || this.#phase === 'stopping' ? this.#heap : null;
  }

  async #stop(gracefulMs: number, force: boolean): Promise<ExitInfo> {
    if (this.#phase === 'ended') return this.exited;
    this.#phase = 'stopping';
    const deadline = Date.now() + gracefulMs;
    if (!force) {
      try {
        await bounded(
          this.#request({ op: 'stop', graceMs: gracefulMs }),
          gracefulMs,
          'module stop',
        );
        // A clean stop lets the thread end itself, so its exit code is 0.
        this.#post({ op: 'exit' });
        await bounded(this.exited, Math.max(deadline - Date.now(), 250), 'thread exit');
      } catch (error) {
        this.opts.logger.warn(`${errorMessage(error)}; terminating the module thread`);
      }
    }
    if (!this.ended) await this.#worker.terminate();
    return this.exited;
  }

  #request(body: RequestBody): Promise<unknown> {
    if (this.#phase === 'ended') return Promise.reject(new Error('the module thread has exited'));
    const id = this.#nextId++;
    const reply = deferred<unknown>();
    this.#pending.set(id, reply);
    const request: HostRequest = { ...body, id };
    this.#worker.postMessage(request);
    return reply.promise;
  }

  #post(command: HostCommand): void {
    if (this.#phase !== 'ended') this.#worker.postMessage(command);
  }

  #onMessage(message: HostMessage): void {
    switch (message.type) {
      case 'reply': {
        const pending = this.#pending.get(message.id);
        this.#pending.delete(message.id);
        if (message.ok) pending?.resolve(message.value);
        else
          pending?.reject(deserializeError(message.error, message.panic ? 'module panic: ' : ''));
        return;
      }
      case 'panic':
        this.#panic(message.error, message.origin);
        return;
      case 'log':
        this.opts.events.log('stdout', message.text);
        return;
      case 'heap':
        this.#heap = {
          time: message.time,
          cpuPercent: null,
          memoryBytes: message.usedBytes,
          processCount: 0,
        };
        return;
      default:
        assertNever(message, 'thread message');
    }
  }

  #panic(serialized: SerializedError, origin: string): void {
    switch (this.#phase) {
      case 'launching':
        this.#launchPanic.reject(deserializeError(serialized, 'module panic: '));
        return;
      case 'running':
      case 'stopping': {
        const error = deserializeError(serialized);
        this.opts.logger.debug({ err: error, origin }, `module panic: ${error.message}`);
        this.opts.events.panic(error);
        return;
      }
      case 'ended':
        return;
      default:
        assertNever(this.#phase, 'run phase');
    }
  }

  /** An error that escaped the thread (running out of heap, mostly): the thread now ends. */
  #onError(error: Error): void {
    const code = (error as NodeJS.ErrnoException).code;
    const described =
      code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new Error(`module thread ran out of memory (heap limit ${this.opts.heapLimitMb} MB)`, {
            cause: error,
          })
        : error;
    this.#lastError = described;
    if (this.#phase === 'launching') {
      this.#launchPanic.reject(new Error(`module panic: ${described.message}`, { cause: error }));
      return;
    }
    this.opts.logger.debug({ err: error }, described.message);
    if (this.#phase !== 'ended') this.opts.events.panic(described);
  }

  #onExit(code: number): void {
    const wasStopping = this.#phase === 'stopping';
    this.#phase = 'ended';
    const reason = this.#lastError?.message ?? `the module thread exited with code ${code}`;
    for (const pending of this.#pending.values()) pending.reject(new Error(reason));
    this.#pending.clear();
    const now = Date.now();
    const uptimeMs = now - this.#startedAt;
    const level = wasStopping || code === 0 ? 'info' : 'warn';
    this.opts.logger[level](
      `module thread exited with code ${code} after ${formatDuration(uptimeMs)}`,
    );
    const exit: ExitInfo = { time: now, code, signal: null, uptimeMs };
    if (!wasStopping && this.#lastError) exit.reason = this.#lastError.message;
    this.#exited.resolve(exit);
  }

  #forwardLines(stream: Readable, name: LogStream): void {
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      this.opts.events.log(name, line);
    });
  }
}
