// Helpers for tests that drive real processes: configs, temp folders and bounded polling.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { isProcessAlive } from '../process/kill-tree.js';
import {
  processWorker,
  moduleWorker,
  type ModuleWorkerConfig,
  type ProcessWorkerConfig,
} from '../../../shared/config-schema.js';

export const silentLogger: Logger = pino({ level: 'silent' });

/** A process worker config running `node -e SCRIPT`, with schema defaults filled in. */
export function nodeWorker(
  id: string,
  script: string,
  overrides: Record<string, unknown> = {},
): ProcessWorkerConfig {
  return processWorker.parse({
    id,
    type: 'process',
    executable_path: process.execPath,
    args: ['-e', script],
    ...overrides,
  });
}

export function moduleConfig(id: string, overrides: Record<string, unknown>): ModuleWorkerConfig {
  return moduleWorker.parse({ id, type: 'module', ...overrides });
}

/** Polls until `probe` returns a truthy value, or throws after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => T | Promise<T>,
  timeoutMs = 15_000,
  everyMs = 25,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs}ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Whether a process runs (a zombie counts as gone). */
export const isAlive = isProcessAlive;

export interface TempDir {
  path: string;
  write(name: string, text: string): Promise<string>;
  remove(): Promise<void>;
}

export async function tempDir(prefix = 'hsu-test-'): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return {
    path,
    async write(name, text) {
      const file = join(path, name);
      await writeFile(file, text);
      return file;
    },
    remove: () => rm(path, { recursive: true, force: true }),
  };
}
