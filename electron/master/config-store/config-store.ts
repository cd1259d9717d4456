// workers.yaml as the control panel sees it: read and validated on demand, saved atomically
// with its comments kept, watched for outside edits, and applied to the running master.
import { readFile, realpath, stat } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import path from 'node:path';
import type { Logger } from 'pino';
import { parse } from 'yaml';
import {
  ApiError,
  type ApplyOutcome,
  type ApplyPlan,
  type ConfigFileView,
  type ConfigProblem,
  type EventBatch,
  type ValidationReport,
} from '../../../shared/api-contract.js';
import { formatProblems } from '../config/format.js';
import type { LoadedConfig } from '../config/loaded-config.js';
import { loadConfigText, type LoadOptions, type LoadResult } from '../config/loader.js';
import { writeFileAtomic } from './atomic-write.js';
import { FileWatcher } from './file-watcher.js';
import { mergeYamlText } from './yaml-merge.js';

/** What listeners hear when the file changes on disk. */
export type ConfigFileChange = NonNullable<EventBatch['config']>;

/** The part of the master the store drives. */
export interface ConfigStoreMaster {
  readonly nativeModules: { names(): string[] };
  planApply(next: LoadedConfig): ApplyPlan;
  applyConfig(next: LoadedConfig): Promise<ApplyOutcome>;
}

export interface ConfigStoreOptions {
  path: string;
  master: ConfigStoreMaster;
  logger: Logger;
  /** What the master runs now; by default the file as init() reads it, when valid. */
  running?: LoadedConfig;
  /** Quiet time after the last file event before the file is read again (default 100 ms). */
  debounceMs?: number;
}

interface FileState {
  text: string;
  mtimeMs: number;
  result: LoadResult;
}

export class ConfigStore {
  readonly path: string;
  private readonly logger: Logger;
  private readonly listeners = new Set<(change: ConfigFileChange) => void>();
  private readonly watcher: FileWatcher;
  private state: FileState | null = null;
  private running: LoadedConfig | null;
  /** The content last seen by the watcher or written by a save: what is not news. */
  private knownText: string | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: ConfigStoreOptions) {
    this.path = path.resolve(options.path);
    this.logger = options.logger.child({ file: this.path });
    this.running = options.running ?? null;
    this.watcher = new FileWatcher({
      file: this.path,
      logger: this.logger,
      debounceMs: options.debounceMs ?? 100,
      onChange: () => {
        void this.serial(() => this.noticeChange()).catch((error: unknown) => {
          this.logger.error({ err: error }, 'reading the changed configuration failed');
        });
      },
    });
  }

  /** Reads the file and starts watching it. */
  async init(): Promise<void> {
    const state = await this.refresh();
    this.knownText = state.text;
    if (!this.options.running && state.result.ok) this.running = state.result.config;
    await this.watcher.start();
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await this.watcher.close();
  }

  async get(): Promise<ConfigFileView> {
    return this.view(await this.refresh());
  }

  async validate(text: string): Promise<ValidationReport> {
    const result = await loadConfigText(text, this.path, this.loadOptions());
    return result.ok
      ? { valid: true, errors: [], workers: result.config.workers.length }
      : { valid: false, errors: result.problems, workers: countWorkers(text) };
  }

  /** Writes the text only when it is valid, keeping the file's comments and layout. */
  save(text: string): Promise<ConfigFileView> {
    return this.serial(async () => {
      const result = await loadConfigText(text, this.path, this.loadOptions());
      if (!result.ok) throw this.validationError(result.problems);
      const target = await this.writeTarget();
      const current = await readFile(target, 'utf8').catch(() => null);
      const output = current === null ? text : mergeYamlText(current, text);
      if (output !== current) {
        await writeFileAtomic(target, output, { backupPath: `${target}.bak` });
        this.logger.info({ workers: result.config.workers.length }, 'configuration saved');
      }
      this.knownText = output;
      return this.view(await this.refresh());
    });
  }

  async plan(): Promise<ApplyPlan> {
    const config = this.requireValid(await this.refresh());
    return this.options.master.planApply(config);
  }

  /** Applies the file on disk to the running workers: only what changed is touched. */
  apply(): Promise<ApplyOutcome> {
    return this.serial(async () => {
      const config = this.requireValid(await this.refresh());
      const outcome = await this.options.master.applyConfig(config);
      this.running = config;
      return outcome;
    });
  }

  onChanged(listener: (change: ConfigFileChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private loadOptions(): LoadOptions {
    return { nativeModules: this.options.master.nativeModules.names() };
  }

  /** A symlinked file is written through the link, which stays in place. */
  private async writeTarget(): Promise<string> {
    return realpath(this.path).catch(() => this.path);
  }

  /** Reads the file, validating again only when its content or time changed. */
  private async refresh(): Promise<FileState> {
    let text: string;
    let mtimeMs: number;
    try {
      [text, mtimeMs] = await Promise.all([
        readFile(this.path, 'utf8'),
        stat(this.path).then((s) => s.mtimeMs),
      ]);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const problem = { file: this.path, line: 1, column: 1, path: '', message: reason };
      this.state = { text: '', mtimeMs: 0, result: { ok: false, problems: [problem] } };
      return this.state;
    }
    const previous = this.state;
    if (previous && previous.text === text && previous.mtimeMs === mtimeMs) return previous;
    const result = await loadConfigText(text, this.path, this.loadOptions());
    this.state = { text, mtimeMs, result };
    return this.state;
  }

  private async noticeChange(): Promise<void> {
    const state = await this.refresh();
    // Our own save, or a touch that left the content as it was.
    if (state.text === this.knownText) return;
    this.knownText = state.text;
    if (state.result.ok) {
      this.logger.info('configuration changed on disk');
    } else {
      const problems = formatProblems(state.result.problems);
      this.logger.warn(
        { problems: state.result.problems.length },
        'configuration changed on disk and is not valid; workers keep the last applied one\n' +
          problems,
      );
    }
    const change = { path: this.path, mtimeMs: state.mtimeMs, valid: state.result.ok };
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (error) {
        this.logger.error({ err: error }, 'a configuration listener failed');
      }
    }
  }

  private view(state: FileState): ConfigFileView {
    const { result } = state;
    return {
      path: this.path,
      text: state.text,
      mtimeMs: state.mtimeMs,
      valid: result.ok,
      errors: result.ok ? [] : result.problems,
      pendingApply: !result.ok || this.running === null || !sameConfig(result.config, this.running),
    };
  }

  private requireValid(state: FileState): LoadedConfig {
    if (!state.result.ok) throw this.validationError(state.result.problems);
    return state.result.config;
  }

  private validationError(problems: ConfigProblem[]): ApiError {
    const count = problems.length;
    const message = `${path.basename(this.path)} has ${count} problem${count === 1 ? '' : 's'}`;
    return new ApiError('validation', message, problems);
  }

  /** Runs saves, applies and change checks one at a time, in the order asked. */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function sameConfig(a: LoadedConfig, b: LoadedConfig): boolean {
  return isDeepStrictEqual(a.master, b.master) && isDeepStrictEqual(a.workers, b.workers);
}

/** How many workers an invalid text lists, for the editor's summary. */
function countWorkers(text: string): number {
  try {
    const data: unknown = parse(text);
    if (data === null || typeof data !== 'object') return 0;
    const workers = (data as Record<string, unknown>)['workers'];
    return Array.isArray(workers) ? workers.length : 0;
  } catch {
    return 0;
  }
}
