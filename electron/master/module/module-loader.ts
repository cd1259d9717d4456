// Turns a file and an export name into a WorkerModule. Shared by the plugin runtime on the main
// thread and by the thread host, so both report a bad module in the same words.
import { describeModuleShape, type WorkerModule } from '../../../shared/module.js';

/** Checks the shape of what an export yielded; `what` names the file and export for errors. */
export function assertWorkerModule(value: unknown, what: string): WorkerModule {
  if (typeof value !== 'object' || value === null) {
    throw new Error(`${what} yields ${describeValue(value)}, not a module object`);
  }
  const missing = describeModuleShape(value);
  if (missing.length > 0) throw new Error(`${what} yields an object without ${missing.join(', ')}`);
  return value as WorkerModule;
}

/**
 * Builds a module from an export: a factory function (called, awaited when it returns a
 * promise), a class (constructed) or a module object (used as it is).
 */
export async function moduleFromExport(exported: unknown, what: string): Promise<WorkerModule> {
  if (typeof exported !== 'function') return assertWorkerModule(exported, what);
  const made: unknown = isClass(exported)
    ? new (exported as new () => unknown)()
    : (exported as () => unknown)();
  return assertWorkerModule(await made, what);
}

/** Imports a file by URL and builds the module that its export `exportName` yields. */
export async function importWorkerModule(
  url: string,
  exportName: string,
  label: string,
): Promise<WorkerModule> {
  let namespace: Record<string, unknown>;
  try {
    namespace = (await import(url)) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`${label} could not be loaded: ${errorMessage(error)}`, { cause: error });
  }
  if (!(exportName in namespace)) {
    const names = Object.keys(namespace);
    const has = names.length > 0 ? `it exports ${names.join(', ')}` : 'it exports nothing';
    throw new Error(`${label} has no export "${exportName}" (${has})`);
  }
  return moduleFromExport(namespace[exportName], `${label} export "${exportName}"`);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Wraps anything thrown into an Error, keeping an Error as it is. */
export function toError(value: unknown): Error {
  if (value instanceof Error) return value;
  return new Error(typeof value === 'string' ? value : `non-error thrown: ${safeString(value)}`);
}

function safeString(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  return `a ${typeof value}`;
}

function isClass(fn: unknown): boolean {
  return typeof fn === 'function' && /^class[\s{]/.test(Function.prototype.toString.call(fn));
}
