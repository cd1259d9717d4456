// Module workers: JavaScript modules that run inside the master, inline or in a worker thread.
export { createModuleRunner, chooseIsolation, type ModuleIsolation } from './module-runner.js';
export { InlineModuleRunner } from './inline-runner.js';
export { ThreadModuleRunner, DEFAULT_THREAD_HEAP_MB, MIN_THREAD_HEAP_MB } from './thread-runner.js';
export {
  NativeModuleRegistry,
  type NativeModuleEntry,
  type NativeModuleOptions,
} from './native-registry.js';
export { PluginModuleRuntime } from './plugin-runtime.js';
export { installPanicRouter } from './panic-router.js';
export type { ModuleRunnerDeps } from './module-source.js';
