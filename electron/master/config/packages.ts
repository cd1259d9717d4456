// Installed npm packages named by a worker's `package`: the executable a process worker runs
// (package.json `bin`), or the file and export a plugin module loads (package.json `hsu`).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isPlainObject } from './merge-defaults.js';

const PACKAGE_NAME = /^(@[a-z0-9][\w.~-]*\/)?[a-z0-9][\w.~-]*$/i;

export interface InstalledPackage {
  name: string;
  dir: string;
  manifest: Record<string, unknown>;
}

export type Found<T> = { ok: true; value: T } | { ok: false; message: string };

/** Finds a package the way Node would from `fromDir` (its node_modules, then its parents'). */
export async function findPackage(name: string, fromDir: string): Promise<Found<InstalledPackage>> {
  // Anything else (a path, "..") would make require resolve a file rather than a package.
  if (!PACKAGE_NAME.test(name)) {
    return { ok: false, message: `${JSON.stringify(name)} is not a package name` };
  }
  const require = createRequire(path.join(fromDir, 'workers.yaml'));
  let manifestPath: string | null = null;
  try {
    manifestPath = require.resolve(`${name}/package.json`);
  } catch {
    // A package whose `exports` hides package.json: look for the folder directly.
    for (const dir of require.resolve.paths(name) ?? []) {
      const candidate = path.join(dir, name, 'package.json');
      if (existsSync(candidate)) {
        manifestPath = candidate;
        break;
      }
    }
  }
  if (manifestPath === null) {
    return {
      ok: false,
      message: `package "${name}" is not installed (no node_modules/${name} here or above)`,
    };
  }
  try {
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as unknown;
    if (!isPlainObject(manifest)) throw new Error('not a JSON object');
    return { ok: true, value: { name, dir: path.dirname(manifestPath), manifest } };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `package "${name}" has an unreadable package.json (${reason})` };
  }
}

/** The command a package installs: the `bin` entry named like the package, or its only one. */
export function packageExecutable(pkg: InstalledPackage): Found<string> {
  const bin = pkg.manifest['bin'];
  const command = pkg.name.replace(/^@[^/]+\//, '');
  if (typeof bin === 'string') return { ok: true, value: path.resolve(pkg.dir, bin) };
  if (isPlainObject(bin)) {
    const entries = Object.entries(bin).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    );
    const chosen = entries.length === 1 ? entries[0] : entries.find(([key]) => key === command);
    if (chosen) return { ok: true, value: path.resolve(pkg.dir, chosen[1]) };
    if (entries.length > 1) {
      const names = entries.map(([key]) => key).join(', ');
      return {
        ok: false,
        message:
          `package "${pkg.name}" has several commands (${names}) ` +
          `and none is named "${command}"; set executable_path`,
      };
    }
  }
  return { ok: false, message: `package "${pkg.name}" has no command ("bin" in its package.json)` };
}

/** The file named by an `exports` entry, preferring ESM conditions. */
function exportTarget(entry: unknown): string | null {
  if (typeof entry === 'string') return entry;
  if (!isPlainObject(entry)) return null;
  for (const condition of ['import', 'node', 'default', 'require']) {
    const target = exportTarget(entry[condition]);
    if (target !== null) return target;
  }
  return null;
}

function mainExport(manifest: Record<string, unknown>): string | null {
  const exports = manifest['exports'];
  if (isPlainObject(exports)) {
    const isSubpathMap = Object.keys(exports).some((key) => key.startsWith('.'));
    const target = exportTarget(isSubpathMap ? exports['.'] : exports);
    if (target !== null) return target;
  } else {
    const target = exportTarget(exports);
    if (target !== null) return target;
  }
  return typeof manifest['main'] === 'string' ? manifest['main'] : null;
}

export interface PluginEntry {
  modulePath: string;
  entryPoint: string;
}

/** A plugin package's module file and export: `hsu.module` / `hsu.entry_point` first. */
export function packagePlugin(pkg: InstalledPackage): PluginEntry {
  const hsu = isPlainObject(pkg.manifest['hsu']) ? pkg.manifest['hsu'] : {};
  const file =
    (typeof hsu['module'] === 'string' ? hsu['module'] : null) ??
    mainExport(pkg.manifest) ??
    'index.js';
  const entryPoint = typeof hsu['entry_point'] === 'string' ? hsu['entry_point'] : 'default';
  return { modulePath: path.resolve(pkg.dir, file), entryPoint };
}
