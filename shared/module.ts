// The contract a module worker implements, in the guide's shape with an AbortSignal in place of
// Go's context. Native modules are registered in code; plugins are loaded from a file at run time.
import type { ModuleInfo } from './types.js';

/** What the master hands a module beside its config: its worker id and a log line sink. */
export interface ModuleContext {
  readonly workerId: string;
  /** One line into the worker's log (the same log that shows the module's console output). */
  log(line: string): void;
}

export interface WorkerModule {
  /** Reads config and prepares; the signal aborts when the start is cancelled or times out. */
  initialize(
    config: Record<string, unknown>,
    signal: AbortSignal,
    context?: ModuleContext,
  ): Promise<void> | void;
  /**
   * Starts the module's work and settles once it runs (a server listening, say). The signal
   * aborts when the start is cancelled or times out, and again when the run ends.
   */
  start(signal: AbortSignal): Promise<void> | void;
  /** Releases everything the module holds; the signal aborts when the graceful time is up. */
  stop(signal: AbortSignal): Promise<void> | void;
  isHealthy(): boolean | Promise<boolean>;
  getInfo(): ModuleInfo;
}

export type ModuleFactory = () => WorkerModule;

/** The guide's module runtime: loads plugin modules from files and keeps track of them. */
export interface ModuleRuntime {
  loadModule(path: string, entryPoint?: string): Promise<WorkerModule>;
  unloadModule(module: WorkerModule): Promise<void> | void;
  listLoadedModules(): ModuleInfo[];
}

export const WORKER_MODULE_METHODS = [
  'initialize',
  'start',
  'stop',
  'isHealthy',
  'getInfo',
] as const satisfies readonly (keyof WorkerModule)[];

/**
 * Lists what `value` lacks to be a WorkerModule, as `name()` entries (empty when it has all).
 * A value that is not an object lacks every method.
 */
export function describeModuleShape(value: unknown): string[] {
  const isObject = (typeof value === 'object' && value !== null) || typeof value === 'function';
  return WORKER_MODULE_METHODS.filter((method) => {
    if (!isObject) return true;
    return typeof (value as Record<string, unknown>)[method] !== 'function';
  }).map((method) => `${method}()`);
}

export function isWorkerModule(value: unknown): value is WorkerModule {
  return typeof value === 'object' && value !== null && describeModuleShape(value).length === 0;
}

// Semantic Versioning 2.0.0: MAJOR.MINOR.PATCH, optional pre-release and build metadata.
const NUMBER = '0|[1-9]\\d*';
const PRE_RELEASE_PART = `(?:${NUMBER}|\\d*[A-Za-z-][0-9A-Za-z-]*)`;
const PRE_RELEASE = `(?:-(${PRE_RELEASE_PART}(?:\\.${PRE_RELEASE_PART})*))?`;
const BUILD = '(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?';
const SEMVER = new RegExp(`^(${NUMBER})\\.(${NUMBER})\\.(${NUMBER})${PRE_RELEASE}${BUILD}$`);

export function isValidSemver(version: string): boolean {
  return SEMVER.test(version);
}

/** Lists what is wrong with a module's getInfo() result (empty when it is a valid ModuleInfo). */
export function describeModuleInfo(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return ['getInfo() did not return an object'];
  const info = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const field of ['name', 'version', 'description', 'author'] as const) {
    if (typeof info[field] !== 'string') problems.push(`${field} is not a string`);
  }
  if (typeof info.version === 'string' && !isValidSemver(info.version)) {
    problems.push(`version ${JSON.stringify(info.version)} is not semver (e.g. 1.2.3)`);
  }
  if (!Array.isArray(info.endpoints)) problems.push('endpoints is not an array');
  return problems;
}
