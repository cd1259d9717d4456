// Watches one file for changes made by anyone, including editors that save by writing a new
// file and renaming it over the old one: the folder is watched and events are filtered to the
// file's name, so a replaced inode is still seen.
import { watch, type FSWatcher } from 'chokidar';
import path from 'node:path';
import type { Logger } from 'pino';

export interface FileWatcherOptions {
  file: string;
  logger: Logger;
  /** Quiet time after the last event before `onChange` runs, so a burst of writes is one. */
  debounceMs: number;
  onChange: () => void;
}

export class FileWatcher {
  private readonly file: string;
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: FileWatcherOptions) {
    this.file = path.resolve(options.file);
  }

  /** Resolves once the watch is in place, so later writes are seen. */
  async start(): Promise<void> {
    const dir = path.dirname(this.file);
    const watcher = watch(dir, {
      depth: 0,
      ignoreInitial: true,
      ignored: (candidate) => {
        const resolved = path.resolve(candidate);
        return resolved !== dir && resolved !== this.file;
      },
    });
    this.watcher = watcher;
    watcher.on('all', (_event, changed) => {
      if (path.resolve(changed) === this.file) this.schedule();
    });
    watcher.on('error', (error) => {
      this.options.logger.warn({ err: error, file: this.file }, 'watching the file failed');
    });
    await new Promise<void>((resolve) => watcher.once('ready', resolve));
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const watcher = this.watcher;
    this.watcher = null;
    await watcher?.close();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.options.onChange();
    }, this.options.debounceMs);
  }
}
