// Messages between a ThreadModuleRunner and the thread host that runs its module. Every
// lifecycle call is a request with an id; the host answers each with exactly one reply.
import type { ModuleInfo } from '../../../shared/types.js';

export interface ThreadHostData {
  workerId: string;
  /** File URL the host imports, the export that yields the module, a label for errors. */
  url: string;
  exportName: string;
  label: string;
  /** How often the host reports its heap, in milliseconds. */
  heapSampleMs: number;
}

export type HostRequest =
  | { id: number; op: 'load' }
  | { id: number; op: 'initialize'; config: Record<string, unknown> }
  | { id: number; op: 'start' }
  | { id: number; op: 'stop'; graceMs: number }
  | { id: number; op: 'isHealthy' }
  | { id: number; op: 'getInfo' };

/** Messages without a reply: abort the module's run signal, or end the thread cleanly. */
export type HostCommand = { op: 'cancel' } | { op: 'exit' };

export interface SerializedError {
  name: string;
  message: string;
  stack: string | null;
}

export interface HealthReply {
  healthy: boolean;
  info: ModuleInfo | null;
}

export type HostMessage =
  | { type: 'reply'; id: number; ok: true; value: unknown }
  /** `panic` is true when the module's own code threw, false when the host failed (loading). */
  | { type: 'reply'; id: number; ok: false; error: SerializedError; panic: boolean }
  | { type: 'panic'; error: SerializedError; origin: string }
  | { type: 'log'; text: string }
  | { type: 'heap'; time: number; usedBytes: number; totalBytes: number };

export function serializeError(value: unknown): SerializedError {
  if (value instanceof Error) {
    return { name: value.name, message: value.message, stack: value.stack ?? null };
  }
  return { name: 'Error', message: String(value), stack: null };
}

/** Rebuilds an Error on this side of the thread boundary, keeping the thread's stack. */
export function deserializeError(error: SerializedError, prefix = ''): Error {
  const rebuilt = new Error(`${prefix}${error.message}`);
  rebuilt.name = error.name;
  if (error.stack !== null)
    rebuilt.stack = prefix.length > 0 ? `${prefix}${error.stack}` : error.stack;
  return rebuilt;
}
