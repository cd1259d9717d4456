// Native modules: factories registered in the application's code under a name. A factory is a
// function and so cannot cross into a worker thread; a module that should be able to run in a
// thread is registered with the URL of its file and the export that holds the factory.
import type { ModuleFactory } from '../../../shared/module.js';

export interface NativeModuleEntry {
  readonly name: string;
  readonly factory: ModuleFactory;
  /** File URL of the module's source, so that a thread can import it itself. */
  readonly url: string | null;
  /** Export of that file holding the factory (or the module object). */
  readonly exportName: string;
}

export interface NativeModuleOptions {
  url?: string;
  exportName?: string;
}

export class NativeModuleRegistry {
  readonly #entries = new Map<string, NativeModuleEntry>();

  /** Registers a factory; registering a name twice is a programming error and throws. */
  register(name: string, factory: ModuleFactory, opts: NativeModuleOptions = {}): void {
    if (name.length === 0) throw new Error('a native module needs a non-empty name');
    if (this.#entries.has(name)) throw new Error(`native module "${name}" is already registered`);
    if (opts.url !== undefined && !opts.url.startsWith('file:')) {
      throw new Error(`native module "${name}": url must be a file: URL, got ${opts.url}`);
    }
    this.#entries.set(name, {
      name,
      factory,
      url: opts.url ?? null,
      exportName: opts.exportName ?? 'default',
    });
  }

  has(name: string): boolean {
    return this.#entries.has(name);
  }

  names(): string[] {
    return [...this.#entries.keys()].sort();
  }

  get(name: string): NativeModuleEntry | undefined {
    return this.#entries.get(name);
  }
}
