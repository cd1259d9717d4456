// Finds what a process worker would run, the way the operating system would: a path as
// given, or a bare command name looked up on PATH (with PATHEXT on Windows).
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

export interface ExecutableInfo {
  /** The resolved path, or the name as configured when it cannot be found. */
  path: string;
  exists: boolean;
  /** A regular file this user may execute. */
  executable: boolean;
}

const IS_WINDOWS = process.platform === 'win32';

export function isBareCommand(command: string): boolean {
  return !command.includes('/') && !(IS_WINDOWS && command.includes('\\'));
}

/** Describes command; a relative path with a separator is taken relative to cwd. */
export function describeExecutable(
  command: string,
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): ExecutableInfo {
  if (!isBareCommand(command)) return inspect(path.resolve(cwd, command));
  let found: ExecutableInfo | undefined;
  for (const candidate of pathCandidates(command, env)) {
    const info = inspect(candidate);
    if (info.executable) return info;
    // A match the user may not run still says more than "not found".
    if (info.exists) found ??= info;
  }
  return found ?? { path: command, exists: false, executable: false };
}

function pathCandidates(name: string, env: NodeJS.ProcessEnv): string[] {
  const dirs = (pathValue(env) ?? '').split(path.delimiter).filter((dir) => dir.length > 0);
  const extensions = IS_WINDOWS ? windowsExtensions(name, env) : [''];
  return dirs.flatMap((dir) => extensions.map((ext) => path.join(dir, name + ext)));
}

/** Windows spells the variable in any case (Path, PATH). */
function pathValue(env: NodeJS.ProcessEnv): string | undefined {
  if (!IS_WINDOWS) return env.PATH;
  const key = Object.keys(env).find((name) => name.toUpperCase() === 'PATH');
  return key === undefined ? undefined : env[key];
}

function windowsExtensions(name: string, env: NodeJS.ProcessEnv): string[] {
  const pathext = (env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter((ext) => ext.length > 0);
  const hasKnownExt = pathext.some((ext) => name.toUpperCase().endsWith(ext.toUpperCase()));
  return hasKnownExt ? ['', ...pathext] : pathext;
}

function inspect(file: string): ExecutableInfo {
  try {
    if (!statSync(file).isFile()) return { path: file, exists: true, executable: false };
  } catch {
    return { path: file, exists: false, executable: false };
  }
  if (IS_WINDOWS) return { path: file, exists: true, executable: true };
  try {
    accessSync(file, constants.X_OK);
    return { path: file, exists: true, executable: true };
  } catch {
    return { path: file, exists: true, executable: false };
  }
}
