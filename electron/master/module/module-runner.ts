// Chooses how a module worker runs. Plugins default to a thread; native modules run inline
// unless they were registered with a url, and then the config's isolation decides.
import type { ModuleWorkerConfig } from '../../../shared/config-schema.js';
import { InlineModuleRunner } from './inline-runner.js';
import { workerLogger, type ModuleRunnerDeps } from './module-source.js';
import { ThreadModuleRunner } from './thread-runner.js';

export type ModuleIsolation = 'inline' | 'thread';

export function chooseIsolation(
  config: ModuleWorkerConfig,
  deps: ModuleRunnerDeps,
): ModuleIsolation {
  if (config.module_type === 'plugin') return config.isolation ?? 'thread';
  const entry =
    config.module_name === undefined ? undefined : deps.registry.get(config.module_name);
  if (entry === undefined || entry.url === null) {
    if (config.isolation === 'thread' && entry !== undefined) {
      workerLogger(deps.logger, config.id).warn(
        `native module "${entry.name}" has no url to load in a thread; it runs inline`,
      );
    }
    return 'inline';
  }
  return config.isolation ?? 'inline';
}

export function createModuleRunner(
  config: ModuleWorkerConfig,
  deps: ModuleRunnerDeps,
): InlineModuleRunner | ThreadModuleRunner {
  return chooseIsolation(config, deps) === 'thread'
    ? new ThreadModuleRunner(config, deps)
    : new InlineModuleRunner(config, deps);
}

export type { ModuleRunnerDeps } from './module-source.js';
