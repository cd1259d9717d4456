// A module worker isolated in its own worker thread: a heap limit of its own, lifecycle calls as
// messages, and a thread that can be terminated when the module will not stop.
import type { Logger } from 'pino';
import type { ModuleWorkerConfig } from '../../../shared/config-schema.js';
import type { ModuleDiagnostics, ModuleInfo, ResourceSample } from '../../../shared/types.js';
import type { RunHandle, RunnerEvents, WorkerRunner } from '../worker/runner.js';
import {
  describeModuleExecutable,
  importableModule,
  resolveModuleSource,
  workerLogger,
  type ModuleRunnerDeps,
} from './module-source.js';
import { ThreadRun } from './thread-run.js';

/** Heap limit of a module thread when resources.memory.max_rss_mb does not set one. */
export const DEFAULT_THREAD_HEAP_MB = 256;
/** Below this a thread cannot even load its host and module. */
export const MIN_THREAD_HEAP_MB = 16;

export class ThreadModuleRunner implements WorkerRunner {
  readonly #logger: Logger;
  #run: ThreadRun | null = null;
  #lastInfo: ModuleInfo | null = null;

  constructor(
    private readonly config: ModuleWorkerConfig,
    private readonly deps: ModuleRunnerDeps,
  ) {
    this.#logger = workerLogger(deps.logger, config.id);
  }

  /**
   * The thread's old-generation heap limit. max_rss_mb bounds the heap only: a thread shares
   * the master's process, so it has no resident set of its own to measure.
   */
  get heapLimitMb(): number {
    const limit = this.config.resources?.memory?.max_rss_mb ?? DEFAULT_THREAD_HEAP_MB;
    return Math.max(MIN_THREAD_HEAP_MB, Math.ceil(limit));
  }

  describeExecutable(): { path: string; exists: boolean } {
    return describeModuleExecutable(this.config, this.deps.registry);
  }

  async launch(events: RunnerEvents, signal: AbortSignal): Promise<RunHandle> {
    if (this.#run !== null && !this.#run.ended) throw new Error('the module is already running');
    const source = resolveModuleSource(this.config, this.deps.registry);
    const module = importableModule(source);
    if (module === null) {
      throw new Error(
        `native module "${source.name}" was registered without a url and cannot run in a thread`,
      );
    }
    const run = new ThreadRun({
      config: this.config,
      module,
      heapLimitMb: this.heapLimitMb,
      logger: this.#logger,
      events,
    });
    this.#run = run;
    await run.launch(signal);
    this.#lastInfo = run.info;
    this.#logger.info(
      { module: source.name, version: run.info?.version, heapLimitMb: this.heapLimitMb },
      'thread module started',
    );
    return run;
  }

  isHealthy(): Promise<boolean> | boolean {
    return this.#run?.isHealthy() ?? false;
  }

  moduleDiagnostics(): Pick<ModuleDiagnostics, 'moduleInfo' | 'moduleType' | 'isolation'> {
    if (this.#run?.info) this.#lastInfo = this.#run.info;
    return { moduleInfo: this.#lastInfo, moduleType: this.config.module_type, isolation: 'thread' };
  }

  sampleResources(): ResourceSample | null {
    return this.#run?.sampleResources() ?? null;
  }
}
