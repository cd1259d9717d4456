// Checks that go beyond the schema (what a worker needs to run, and whether it is there) and
// the worker as the master will run it: every path absolute, packages resolved.
import path from 'node:path';
import type {
  ModuleWorkerConfig,
  ProcessWorkerConfig,
  WorkerConfig,
} from '../../../shared/config-schema.js';
import { assertNever } from '../../../shared/types.js';
import type { PendingProblem } from './issue-messages.js';
import { findPackage, packageExecutable, packagePlugin } from './packages.js';
import {
  executableProblem,
  findOnPath,
  isPathLike,
  pathProblem,
  resolveFrom,
} from './resolve-paths.js';

export interface ResolveContext {
  /** The folder of workers.yaml. */
  dir: string;
  /** Names of the registered native module factories; unchecked when undefined. */
  nativeModules: readonly string[] | undefined;
  checkExecutables: boolean;
}

export interface ResolvedWorker<W extends WorkerConfig = WorkerConfig> {
  worker: W;
  problems: PendingProblem[];
}

const quote = (text: string) => JSON.stringify(text);

function lookedFor(written: string, absolute: string): string {
  return written === absolute ? '' : ` (looked for ${absolute})`;
}

/** The absolute executable of a process worker, or the problems in the way of finding one. */
async function resolveExecutable(
  worker: ProcessWorkerConfig,
  field: (name: string) => PendingProblem['path'],
  ctx: ResolveContext,
): Promise<{ executable: string | undefined; problems: PendingProblem[] }> {
  const problem = (name: string, message: string): PendingProblem[] => [
    { path: field(name), message, target: 'value' },
  ];
  const written = worker.executable_path;
  if (written === undefined) {
    if (worker.package === undefined) {
      const message = 'is required (a process worker needs "executable_path" or "package")';
      return { executable: undefined, problems: problem('executable_path', message) };
    }
    const pkg = await findPackage(worker.package, ctx.dir);
    if (!pkg.ok) return { executable: undefined, problems: problem('package', pkg.message) };
    const bin = packageExecutable(pkg.value);
    if (!bin.ok) return { executable: undefined, problems: problem('package', bin.message) };
    const why = ctx.checkExecutables ? await executableProblem(bin.value) : null;
    const message = `package "${worker.package}" supplies ${quote(bin.value)}, which ${why}`;
    return { executable: bin.value, problems: why === null ? [] : problem('package', message) };
  }
  if (isPathLike(written)) {
    const absolute = resolveFrom(ctx.dir, written);
    const why = ctx.checkExecutables ? await executableProblem(absolute) : null;
    const message = `${quote(written)} ${why}${lookedFor(written, absolute)}`;
    return {
      executable: absolute,
      problems: why === null ? [] : problem('executable_path', message),
    };
  }
  const found = await findOnPath(written);
  if (found !== null || !ctx.checkExecutables)
    return { executable: found ?? written, problems: [] };
  return {
    executable: written,
    problems: problem('executable_path', `${quote(written)} was not found on PATH`),
  };
}

async function resolveProcess(
  worker: ProcessWorkerConfig,
  index: number,
  ctx: ResolveContext,
): Promise<ResolvedWorker<ProcessWorkerConfig>> {
  const field = (name: string) => ['workers', index, name];
  const { executable, problems } = await resolveExecutable(worker, field, ctx);
  const workingDirectory = resolveFrom(ctx.dir, worker.working_directory ?? '.');
  if (ctx.checkExecutables && worker.working_directory !== undefined) {
    const why = await pathProblem(workingDirectory, 'folder');
    if (why !== null) {
      const written = worker.working_directory;
      problems.push({
        path: field('working_directory'),
        message: `${quote(written)} ${why}${lookedFor(written, workingDirectory)}`,
        target: 'value',
      });
    }
  }
  return {
    worker: { ...worker, executable_path: executable, working_directory: workingDirectory },
    problems,
  };
}

function checkNative(worker: ModuleWorkerConfig, index: number, ctx: ResolveContext) {
  const at = ['workers', index, 'module_name'];
  const name = worker.module_name;
  if (name === undefined) {
    const message = 'is required (the name a native module factory is registered under)';
    return [{ path: at, message, target: 'value' } satisfies PendingProblem];
  }
  if (ctx.nativeModules === undefined || ctx.nativeModules.includes(name)) return [];
  const registered =
    ctx.nativeModules.length === 0
      ? 'none are registered'
      : `registered: ${ctx.nativeModules.join(', ')}`;
  const message = `no native module named ${quote(name)} is registered (${registered})`;
  return [{ path: at, message, target: 'value' } satisfies PendingProblem];
}

async function resolvePlugin(
  worker: ModuleWorkerConfig,
  index: number,
  ctx: ResolveContext,
): Promise<ResolvedWorker<ModuleWorkerConfig>> {
  const problems: PendingProblem[] = [];
  const report = (name: string, message: string) =>
    problems.push({ path: ['workers', index, name], message, target: 'value' });
  let modulePath: string | undefined;
  let entryPoint = worker.entry_point;
  if (worker.module_path !== undefined) {
    modulePath = resolveFrom(ctx.dir, worker.module_path);
    const why = await pathProblem(modulePath, 'file');
    if (why !== null) {
      report(
        'module_path',
        `${quote(worker.module_path)} ${why}${lookedFor(worker.module_path, modulePath)}`,
      );
    }
  } else if (worker.package !== undefined) {
    const pkg = await findPackage(worker.package, ctx.dir);
    if (pkg.ok) {
      const plugin = packagePlugin(pkg.value);
      modulePath = plugin.modulePath;
      entryPoint ??= plugin.entryPoint;
      const why = await pathProblem(modulePath, 'file');
      const file = path.relative(pkg.value.dir, modulePath);
      if (why !== null)
        report('package', `package "${worker.package}" names module ${quote(file)}, which ${why}`);
    } else {
      report('package', pkg.message);
    }
  } else {
    report('module_path', 'is required (a plugin module needs "module_path" or "package")');
  }
  return {
    worker: { ...worker, module_path: modulePath, entry_point: entryPoint ?? 'default' },
    problems,
  };
}

/** The worker ready to run, plus every problem found on the way. */
export async function resolveWorker(
  worker: WorkerConfig,
  index: number,
  ctx: ResolveContext,
): Promise<ResolvedWorker> {
  switch (worker.type) {
    case 'process':
      return resolveProcess(worker, index, ctx);
    case 'module':
      switch (worker.module_type) {
        case 'native':
          return { worker, problems: checkNative(worker, index, ctx) };
        case 'plugin':
          return resolvePlugin(worker, index, ctx);
        default:
          return assertNever(worker.module_type, 'module type');
      }
    default:
      return assertNever(worker, 'worker type');
  }
}
