import type { MasterConfig, WorkerConfig } from '../../../shared/config-schema.js';

/**
 * A workers.yaml that passed validation, with global defaults merged under each worker and
 * every path made absolute: process executables (found on PATH when bare), working
 * directories (default: the file's folder), plugin module files, and packages resolved to
 * what they supply.
 */
export interface LoadedConfig {
  /** Absolute path of the file, or null when built in code. */
  path: string | null;
  /** Folder that relative paths were resolved against. */
  dir: string;
  master: MasterConfig;
  workers: WorkerConfig[];
}
