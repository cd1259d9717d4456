// Where a module worker's code comes from (a registered factory or a plugin file) and what a
// module runner needs from the rest of the master.
import { existsSync } from 'node:fs';
import { basename, isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Logger } from 'pino';
import type { ModuleWorkerConfig } from '../../../shared/config-schema.js';
import { assertNever } from '../../../shared/types.js';
import type { NativeModuleEntry, NativeModuleRegistry } from './native-registry.js';
import { pluginLabel, type PluginModuleRuntime } from './plugin-runtime.js';

export interface ModuleRunnerDeps {
  registry: NativeModuleRegistry;
  /** Loads inline plugins; a runtime of the runner's own is made when none is given. */
  plugins?: PluginModuleRuntime;
  /** The master's or the worker's logger; runners log with the worker id in a field. */
  logger: Logger;
}

export type ModuleSource =
  | { kind: 'native'; name: string; entry: NativeModuleEntry }
  | { kind: 'plugin'; name: string; path: string; entryPoint: string };

/** What a thread imports: a file URL, the export to build the module from, a label for errors. */
export interface ImportableModule {
  url: string;
  exportName: string;
  label: string;
}

/** The name diagnostics show: module_name, else the plugin file's name, else the worker id. */
export function moduleDisplayName(config: ModuleWorkerConfig): string {
  if (config.module_name !== undefined) return config.module_name;
  if (config.module_path !== undefined) return basename(config.module_path);
  return config.id;
}

/** What diagnostics show as the executable: `in-proc-module:NAME`, and whether it is there. */
export function describeModuleExecutable(
  config: ModuleWorkerConfig,
  registry: NativeModuleRegistry,
): { path: string; exists: boolean } {
  const exists =
    config.module_type === 'native'
      ? registry.has(config.module_name ?? '')
      : config.module_path !== undefined && existsSync(config.module_path);
  return { path: `in-proc-module:${moduleDisplayName(config)}`, exists };
}

/** A child logger with the worker id, unless the logger given already carries it. */
export function workerLogger(logger: Logger, workerId: string): Logger {
  return logger.bindings().worker === workerId ? logger : logger.child({ worker: workerId });
}

/** Resolves the config to its module's source; throws an error naming what is missing. */
export function resolveModuleSource(
  config: ModuleWorkerConfig,
  registry: NativeModuleRegistry,
): ModuleSource {
  const name = moduleDisplayName(config);
  if (config.module_type === 'native') {
    if (config.module_name === undefined) throw new Error('a native module needs module_name');
    const entry = registry.get(config.module_name);
    if (!entry) {
      const known = registry.names();
      const list = known.length > 0 ? known.join(', ') : 'none';
      throw new Error(
        `no native module registered as "${config.module_name}" (registered: ${list})`,
      );
    }
    return { kind: 'native', name, entry };
  }
  if (config.module_path === undefined) {
    throw new Error('a plugin module needs module_path (or a package that supplies it)');
  }
  if (!isAbsolute(config.module_path)) {
    throw new Error(
      `plugin module_path must be resolved to an absolute path: ${config.module_path}`,
    );
  }
  return {
    kind: 'plugin',
    name,
    path: config.module_path,
    entryPoint: config.entry_point ?? 'default',
  };
}

/** The importable form of a source, or null for a native module registered without a url. */
export function importableModule(source: ModuleSource): ImportableModule | null {
  switch (source.kind) {
    case 'native':
      if (source.entry.url === null) return null;
      return {
        url: source.entry.url,
        exportName: source.entry.exportName,
        label: `native module "${source.entry.name}" (${source.entry.url})`,
      };
    case 'plugin':
      return {
        url: pathToFileURL(source.path).href,
        exportName: source.entryPoint,
        label: pluginLabel(source.path),
      };
    default:
      return assertNever(source, 'module source');
  }
}
