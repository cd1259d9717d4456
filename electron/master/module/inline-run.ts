// One run of an inline module, on the master's event loop: created, initialized and started
// inside the run's own async scope, so errors its callbacks throw later find their way back here.
import type { Logger } from 'pino';
import type { ModuleWorkerConfig } from '../../../shared/config-schema.js';
import { durationMs } from '../../../shared/duration.js';
import {
  describeModuleInfo,
  type ModuleContext,
  type WorkerModule,
} from '../../../shared/module.js';
import { assertNever, type ExitInfo, type ModuleInfo } from '../../../shared/types.js';
import type { RunHandle, RunnerEvents } from '../worker/runner.js';
import { bounded, deferred } from './call-bounds.js';
import { assertWorkerModule, errorMessage, toError } from './module-loader.js';
import type { ModuleSource } from './module-source.js';
import type { PluginModuleRuntime } from './plugin-runtime.js';
import { runInModuleScope, type ModuleScope, type PanicOrigin } from './panic-router.js';

type Phase = 'launching' | 'running' | 'stopping' | 'ended';

/** An error thrown by module code, worded so the supervisor records it as a panic. */
export function modulePanic(error: unknown): Error {
  const cause = toError(error);
  return new Error(`module panic: ${cause.message}`, { cause });
}

export class InlineRun implements RunHandle {
  readonly pid = null;
  readonly exited: Promise<ExitInfo>;
  #phase: Phase = 'launching';
  #module: WorkerModule | null = null;
  #info: ModuleInfo | null = null;
  #startedAt = 0;
  #terminating: Promise<ExitInfo> | null = null;
  readonly #runAbort = new AbortController();
  readonly #launchPanic = deferred<never>();
  readonly #exited = deferred<ExitInfo>();
  readonly #scope: ModuleScope;

  constructor(
    private readonly config: ModuleWorkerConfig,
    private readonly source: ModuleSource,
    private readonly plugins: PluginModuleRuntime,
    private readonly logger: Logger,
    private readonly events: RunnerEvents,
  ) {
    this.exited = this.#exited.promise;
    this.#scope = { workerId: config.id, report: (error, origin) => this.#report(error, origin) };
    // Only consulted while launching; a panic after that must not become an unhandled rejection.
    this.#launchPanic.promise.catch(() => undefined);
  }

  get ended(): boolean {
    return this.#phase === 'ended';
  }

  /** Creates, initializes and starts the module within startup_timeout. */
  async launch(signal: AbortSignal): Promise<void> {
    const startupMs = durationMs(this.config.startup_timeout);
    const work = this.#initializeAndStart();
    work.catch(() => undefined);
    try {
      await bounded(
        Promise.race([work, this.#launchPanic.promise]),
        startupMs,
        'module start',
        signal,
      );
    } catch (error) {
      this.#runAbort.abort();
      await this.#cleanUpFailedStart(work);
      this.#phase = 'ended';
      throw error;
    }
    this.#phase = 'running';
    this.#startedAt = Date.now();
    this.#info = this.currentInfo();
    const problems = describeModuleInfo(this.#info);
    if (problems.length > 0) this.logger.warn({ problems }, 'module getInfo() is not valid');
  }

  terminate(gracefulMs: number, opts?: { force?: boolean }): Promise<ExitInfo> {
    this.#terminating ??= this.#stop(gracefulMs, opts?.force === true);
    return this.#terminating;
  }

  async isHealthy(): Promise<boolean> {
    const module = this.#module;
    if (this.#phase !== 'running' || module === null) return false;
    try {
      return (await this.#call(() => module.isHealthy())) === true;
    } catch (error) {
      this.logger.warn({ err: toError(error) }, 'module isHealthy() threw');
      return false;
    }
  }

  /** The module's info now, or the last info it gave when it cannot answer. */
  currentInfo(): ModuleInfo | null {
    const module = this.#module;
    if (module === null || this.#phase === 'ended') return this.#info;
    try {
      this.#info = runInModuleScope(this.#scope, () => module.getInfo());
    } catch (error) {
      this.logger.debug({ err: toError(error) }, 'module getInfo() threw');
    }
    return this.#info;
  }

  async #initializeAndStart(): Promise<void> {
    const module = await this.#create();
    this.#module = module;
    this.#runAbort.signal.throwIfAborted();
    const context: ModuleContext = {
      workerId: this.config.id,
      log: (line) => this.events.log('stdout', line),
    };
    const config = structuredClone(this.config.config);
    await this.#call(() => module.initialize(config, this.#runAbort.signal, context));
    this.#runAbort.signal.throwIfAborted();
    await this.#call(() => module.start(this.#runAbort.signal));
  }

  async #create(): Promise<WorkerModule> {
    const source = this.source;
    switch (source.kind) {
      case 'native': {
        const made = await this.#call(() => source.entry.factory());
        return assertWorkerModule(made, `native module "${source.entry.name}" factory`);
      }
      case 'plugin':
        return runInModuleScope(this.#scope, () =>
          this.plugins.loadModule(source.path, source.entryPoint),
        );
      default:
        return assertNever(source, 'module source');
    }
  }

  /** Calls into the module inside the run's scope; whatever it throws becomes a module panic. */
  async #call<T>(fn: () => T | Promise<T>): Promise<T> {
    try {
      return await runInModuleScope(this.#scope, fn);
    } catch (error) {
      throw modulePanic(error);
    }
  }

  #report(error: Error, origin: PanicOrigin): void {
    switch (this.#phase) {
      case 'launching':
        this.#launchPanic.reject(modulePanic(error));
        return;
      case 'running':
      case 'stopping':
        // The supervisor logs the panic at error level with its stack and counts it; the
        // origin (which process event carried it) is only kept here.
        this.logger.debug({ err: error, origin }, `module panic: ${error.message}`);
        this.events.panic(error);
        return;
      case 'ended':
        this.logger.warn(
          { err: error, origin },
          'error from a callback left behind by a stopped run',
        );
        return;
      default:
        assertNever(this.#phase, 'run phase');
    }
  }

  /** Stops what a failed start left behind, including a module whose creation was late. */
  async #cleanUpFailedStart(work: Promise<void>): Promise<void> {
    const gracefulMs = durationMs(this.config.graceful_timeout);
    if (this.#module === null)
      await bounded(work, gracefulMs, 'module creation').catch(() => undefined);
    const module = this.#module;
    if (module === null) return;
    try {
      await bounded(
        this.#call(() => module.stop(AbortSignal.timeout(gracefulMs))),
        gracefulMs,
        'stop',
      );
    } catch (error) {
      this.logger.debug({ err: toError(error) }, 'stop after a failed start did not succeed');
    }
    this.#drop();
  }

  async #stop(gracefulMs: number, force: boolean): Promise<ExitInfo> {
    this.#phase = 'stopping';
    const module = this.#module;
    const stopAbort = new AbortController();
    let code = 0;
    if (module !== null && force) {
      // An inline module shares the master's thread and cannot be killed: a forced end asks
      // stop() once with an aborted signal and drops the module without waiting for it.
      stopAbort.abort();
      void this.#call(() => module.stop(stopAbort.signal)).catch((error: unknown) => {
        this.logger.warn({ err: toError(error) }, 'module stop() failed on a forced end');
      });
      code = 1;
    } else if (module !== null) {
      try {
        await bounded(
          this.#call(() => module.stop(stopAbort.signal)),
          gracefulMs,
          'module stop',
        );
      } catch (error) {
        stopAbort.abort();
        code = 1;
        this.logger.warn(`module stop did not complete: ${errorMessage(error)}; dropping it`);
      }
    }
    this.#runAbort.abort();
    this.#drop();
    this.#phase = 'ended';
    const now = Date.now();
    const exit: ExitInfo = { time: now, code, signal: null, uptimeMs: now - this.#startedAt };
    this.#exited.resolve(exit);
    return exit;
  }

  #drop(): void {
    if (this.#module !== null && this.source.kind === 'plugin') {
      this.plugins.unloadModule(this.#module);
    }
    this.#module = null;
  }
}
