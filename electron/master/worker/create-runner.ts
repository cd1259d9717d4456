// Picks the runner for a worker's type: a child process, or a module inline or in a thread.
import type { Logger } from 'pino';
import type { WorkerConfig } from '../../../shared/config-schema.js';
import { assertNever } from '../../../shared/types.js';
import { createModuleRunner } from '../module/module-runner.js';
import type { NativeModuleRegistry } from '../module/native-registry.js';
import type { PluginModuleRuntime } from '../module/plugin-runtime.js';
import { ProcessRunner } from '../process/process-runner.js';
import type { WorkerRunner } from './runner.js';

export interface RunnerDeps {
  logger: Logger;
  nativeModules: NativeModuleRegistry;
  plugins: PluginModuleRuntime;
}

export function createRunner(config: WorkerConfig, deps: RunnerDeps): WorkerRunner {
  switch (config.type) {
    case 'process':
      return new ProcessRunner(config, deps.logger);
    case 'module':
      return createModuleRunner(config, {
        registry: deps.nativeModules,
        plugins: deps.plugins,
        logger: deps.logger,
      });
    default:
      return assertNever(config, 'worker type');
  }
}
