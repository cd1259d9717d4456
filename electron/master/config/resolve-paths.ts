// Making the paths in workers.yaml absolute, and checking that what they name is there.
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';

const isWindows = process.platform === 'win32';

/** True when a command is a path (relative or absolute) rather than a name to find on PATH. */
export function isPathLike(command: string): boolean {
  if (command.startsWith('.') || path.isAbsolute(command)) return true;
  return command.includes('/') || (isWindows && command.includes('\\'));
}

/** Resolves a path written in the file against the file's folder. */
export function resolveFrom(dir: string, written: string): string {
  return path.resolve(dir, written);
}

async function isExecutableFile(file: string): Promise<boolean> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return false;
    // Windows has no execute bit; the extension (PATHEXT) decides instead.
    if (!isWindows) await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function windowsExtensions(name: string, env: NodeJS.ProcessEnv): string[] {
  const listed = (env['PATHEXT'] ?? '.COM;.EXE;.BAT;.CMD').split(';').filter((ext) => ext !== '');
  const hasListedExt = listed.some((ext) => name.toLowerCase().endsWith(ext.toLowerCase()));
  return hasListedExt ? [''] : listed;
}

/** The absolute path of a bare command name found on PATH, or null. */
export async function findOnPath(
  name: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | null> {
  const searchPath = env['PATH'] ?? env['Path'] ?? '';
  const extensions = isWindows ? windowsExtensions(name, env) : [''];
  for (const dir of searchPath.split(path.delimiter)) {
    if (dir === '') continue;
    for (const ext of extensions) {
      const candidate = path.resolve(dir, name + ext);
      if (await isExecutableFile(candidate)) return candidate;
    }
  }
  return null;
}

/** Why a file cannot be run as an executable, or null when it can. */
export async function executableProblem(file: string): Promise<string | null> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    return describeFsError(error, 'does not exist');
  }
  if (info.isDirectory()) return 'is a folder, not an executable';
  if (isWindows) return null;
  try {
    await access(file, constants.X_OK);
    return null;
  } catch {
    return 'is not executable (mark it so with chmod +x)';
  }
}

/** Why a path is not an existing file (`kind: 'file'`) or folder, or null when it is. */
export async function pathProblem(file: string, kind: 'file' | 'folder'): Promise<string | null> {
  try {
    const info = await stat(file);
    if (kind === 'folder' && !info.isDirectory()) return 'is not a folder';
    if (kind === 'file' && info.isDirectory()) return 'is a folder, not a file';
    return null;
  } catch (error) {
    return describeFsError(error, 'does not exist');
  }
}

function describeFsError(error: unknown, missing: string): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return missing;
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be reached (permission denied)';
  return `cannot be checked (${error instanceof Error ? error.message : String(error)})`;
}
