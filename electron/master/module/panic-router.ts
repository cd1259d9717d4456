// Routes errors that inline modules throw from their own callbacks back to the module's runner.
// Every call into an inline module runs inside an AsyncLocalStorage scope; timers, sockets and
// promises created there carry the scope, and Node still has it current when it raises
// 'uncaughtException' (a throw in a timer or I/O callback) or 'unhandledRejection' (a rejected
// promise nobody handled). One pair of process handlers, installed once for all inline modules,
// reads the scope and hands the error to its runner.
//
// Where attribution is not possible, the error is logged as the master's own and swallowed:
// - a throw inside queueMicrotask(): Node runs the microtask without the scope;
// - callbacks fired by emitters the master owns (process signals, a shared EventEmitter) run in
//   the emitting code's context, not the module's;
// - native addons or libraries that pool work and drop async context.
// What no handler can fix: an inline module that blocks the event loop (an endless loop)
// blocks the whole master, and its heap is the master's. Use isolation: thread for those.
//
// Installing these handlers means an error the master itself fails to catch no longer ends the
// process: it is logged at error level with its stack and the master carries on.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'pino';
import { toError } from './module-loader.js';

export type PanicOrigin = 'uncaughtException' | 'unhandledRejection';

/** The scope one run of an inline module executes in. */
export interface ModuleScope {
  readonly workerId: string;
  report(error: Error, origin: PanicOrigin): void;
}

const storage = new AsyncLocalStorage<ModuleScope>();
let fallbackLogger: Logger | null = null;
let installed = false;

/** Runs `fn` (a call into module code) so that everything it schedules carries `scope`. */
export function runInModuleScope<T>(scope: ModuleScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/** The scope of the code running now, if it belongs to an inline module. */
export function currentModuleScope(): ModuleScope | undefined {
  return storage.getStore();
}

/**
 * Installs the process-level handlers on first call. The logger logs errors no module owns: a
 * logger without a `worker` binding (the master's own) replaces the one kept, while a worker's
 * logger is kept only until a better one comes, so those lines are not filed under a worker.
 */
export function installPanicRouter(logger: Logger): void {
  const ownsNoWorker = logger.bindings().worker === undefined;
  if (fallbackLogger === null || ownsNoWorker) fallbackLogger = logger;
  if (installed) return;
  installed = true;
  process.on('uncaughtException', (error, origin) => {
    route(error, origin === 'unhandledRejection' ? 'unhandledRejection' : 'uncaughtException');
  });
  process.on('unhandledRejection', (reason) => route(reason, 'unhandledRejection'));
}

function route(value: unknown, origin: PanicOrigin): void {
  const error = toError(value);
  const scope = storage.getStore();
  if (scope) {
    scope.report(error, origin);
    return;
  }
  fallbackLogger?.error(
    { err: error, origin, attributed: false },
    `${origin} outside any module (not attributable to a worker); the master goes on`,
  );
}
