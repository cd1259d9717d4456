// The guide's goroutine manager for one module worker: the module runs on the master's own event
// loop. Cheap and direct, but it shares the master's heap and thread; an endless loop in it
// stalls the master and nothing can force it to end (use isolation: thread for that).
import type { Logger } from 'pino';
import type { ModuleWorkerConfig } from '../../../shared/config-schema.js';
import type { ModuleDiagnostics, ModuleInfo } from '../../../shared/types.js';
import type { RunHandle, RunnerEvents, WorkerRunner } from '../worker/runner.js';
import { InlineRun } from './inline-run.js';
import {
  describeModuleExecutable,
  resolveModuleSource,
  workerLogger,
  type ModuleRunnerDeps,
} from './module-source.js';
import { PluginModuleRuntime } from './plugin-runtime.js';
import { installPanicRouter } from './panic-router.js';

export class InlineModuleRunner implements WorkerRunner {
  readonly #logger: Logger;
  readonly #plugins: PluginModuleRuntime;
  #run: InlineRun | null = null;
  #lastInfo: ModuleInfo | null = null;

  constructor(
    private readonly config: ModuleWorkerConfig,
    private readonly deps: ModuleRunnerDeps,
  ) {
    this.#logger = workerLogger(deps.logger, config.id);
    this.#plugins = deps.plugins ?? new PluginModuleRuntime(this.#logger);
  }

  describeExecutable(): { path: string; exists: boolean } {
    return describeModuleExecutable(this.config, this.deps.registry);
  }

  async launch(events: RunnerEvents, signal: AbortSignal): Promise<RunHandle> {
    if (this.#run !== null && !this.#run.ended) throw new Error('the module is already running');
    installPanicRouter(this.deps.logger);
    const source = resolveModuleSource(this.config, this.deps.registry);
    const run = new InlineRun(this.config, source, this.#plugins, this.#logger, events);
    this.#run = run;
    await run.launch(signal);
    this.#lastInfo = run.currentInfo();
    this.#logger.info(
      { module: source.name, version: this.#lastInfo?.version },
      'inline module started',
    );
    return run;
  }

  isHealthy(): Promise<boolean> | boolean {
    return this.#run?.isHealthy() ?? false;
  }

  moduleDiagnostics(): Pick<ModuleDiagnostics, 'moduleInfo' | 'moduleType' | 'isolation'> {
    if (this.#run !== null && !this.#run.ended) this.#lastInfo = this.#run.currentInfo();
    return { moduleInfo: this.#lastInfo, moduleType: this.config.module_type, isolation: 'inline' };
  }
}
