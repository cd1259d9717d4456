// The guide's ModuleRuntime for plugins loaded on the master's own thread. ES modules cannot be
// evicted from Node's module cache, so unloading forgets the instance but the file's code stays
// in memory until the master exits; a plugin that exports one object (not a factory) hands the
// same object to every load. Plugins isolated in a thread are loaded by the thread host instead
// and are not listed here.
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Logger } from 'pino';
import type { ModuleRuntime, WorkerModule } from '../../../shared/module.js';
import type { ModuleInfo } from '../../../shared/types.js';
import { errorMessage, importWorkerModule } from './module-loader.js';

interface LoadedPlugin {
  path: string;
  entryPoint: string;
}

export class PluginModuleRuntime implements ModuleRuntime {
  readonly #loaded = new Map<WorkerModule, LoadedPlugin>();
  readonly #logger: Logger | null;

  constructor(logger?: Logger) {
    this.#logger = logger ?? null;
  }

  /** Imports `path` (absolute) and builds the module its `entryPoint` export yields. */
  async loadModule(path: string, entryPoint = 'default'): Promise<WorkerModule> {
    if (!isAbsolute(path)) throw new Error(`plugin path must be absolute, got ${path}`);
    const module = await importWorkerModule(
      pathToFileURL(path).href,
      entryPoint,
      pluginLabel(path),
    );
    this.#loaded.set(module, { path, entryPoint });
    this.#logger?.debug({ path, entryPoint }, 'plugin module loaded');
    return module;
  }

  unloadModule(module: WorkerModule): void {
    const entry = this.#loaded.get(module);
    if (!entry) return;
    this.#loaded.delete(module);
    this.#logger?.debug({ path: entry.path }, 'plugin module unloaded');
  }

  listLoadedModules(): ModuleInfo[] {
    return [...this.#loaded].map(([module, entry]) => {
      try {
        return module.getInfo();
      } catch (error) {
        return {
          name: entry.path,
          version: '0.0.0',
          description: `getInfo() failed: ${errorMessage(error)}`,
          author: '',
          endpoints: [],
        };
      }
    });
  }
}

export function pluginLabel(path: string): string {
  return `plugin ${path}`;
}
