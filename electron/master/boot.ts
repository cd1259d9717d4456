// Loads a workers.yaml and builds a master on it: what `run`, `serve` and the desktop app share.
import type { Logger } from 'pino';
import type { ConfigProblem } from '../../shared/api-contract.js';
import type { LoadedConfig } from './config/loaded-config.js';
import { loadConfigFile } from './config/loader.js';
import { registerBuiltinModules } from './examples/register-builtins.js';
import { Master } from './master.js';
import { NativeModuleRegistry } from './module/native-registry.js';

/** Names of the native modules every master registers. */
export function builtinNativeModuleNames(): string[] {
  const registry = new NativeModuleRegistry();
  registerBuiltinModules(registry);
  return registry.names();
}

export type BootResult =
  | { ok: true; master: Master; config: LoadedConfig & { path: string } }
  | { ok: false; problems: ConfigProblem[] };

export async function bootMaster(options: {
  configPath: string;
  logger: Logger;
  version: string;
}): Promise<BootResult> {
  const loaded = await loadConfigFile(options.configPath, {
    nativeModules: builtinNativeModuleNames(),
  });
  if (!loaded.ok) return { ok: false, problems: loaded.problems };
  options.logger.level = loaded.config.master.log_level;
  const master = new Master({
    logger: options.logger,
    config: loaded.config,
    version: options.version,
  });
  return { ok: true, master, config: { ...loaded.config, path: options.configPath } };
}
