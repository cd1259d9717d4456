// global.process_defaults and global.module_defaults, merged under each worker of that type
// before validation: maps merge key by key, the worker's own value wins, lists are replaced.

export type WorkerKind = 'process' | 'module';

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A copy of `base` with `over` laid on top; neither input is changed. */
export function deepMerge(
  base: Record<string, unknown>,
  over: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const under = Object.hasOwn(out, key) ? out[key] : undefined;
    // defineProperty, so that a key named "__proto__" stays a plain key.
    Object.defineProperty(out, key, {
      value: isPlainObject(under) && isPlainObject(value) ? deepMerge(under, value) : value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

export type WorkerDefaults = Record<WorkerKind, Record<string, unknown> | null>;

/** The defaults maps of a parsed file; a missing or malformed one counts as none. */
export function readDefaults(file: unknown): WorkerDefaults {
  const global = isPlainObject(file) ? file['global'] : undefined;
  const pick = (key: string): Record<string, unknown> | null => {
    const value = isPlainObject(global) ? global[key] : undefined;
    return isPlainObject(value) ? value : null;
  };
  return { process: pick('process_defaults'), module: pick('module_defaults') };
}

export function workerKind(worker: unknown): WorkerKind | null {
  const type = isPlainObject(worker) ? worker['type'] : undefined;
  return type === 'process' || type === 'module' ? type : null;
}

/** The worker with its type's defaults underneath; anything not a typed map is left as is. */
export function mergeWorkerDefaults(worker: unknown, defaults: WorkerDefaults): unknown {
  const kind = workerKind(worker);
  const base = kind === null ? null : defaults[kind];
  if (base === null || !isPlainObject(worker)) return worker;
  return deepMerge(base, worker);
}
