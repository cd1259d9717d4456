// Whether the Electron binary is on this machine. The `electron` package downloads its binary
// on first use; requiring it to find out would start that download, so this reads the same
// files its index.js reads instead.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronBinary = { present: true; path: string } | { present: false; reason: string };

export interface LaunchCheckOptions {
  /** Folder of the installed `electron` package; found through module resolution by default. */
  packageDir?: string;
  env?: NodeJS.ProcessEnv;
}

export function findElectronBinary(options: LaunchCheckOptions = {}): ElectronBinary {
  const env = options.env ?? process.env;
  const packageDir = options.packageDir ?? locatePackage();
  if (!packageDir) return { present: false, reason: 'the electron package is not installed' };
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const path = join(override, relative || 'electron');
    return existsSync(path)
      ? { present: true, path }
      : { present: false, reason: `no Electron binary at ${path}` };
  }
  if (!relative) return { present: false, reason: 'the Electron binary was never downloaded' };
  const path = join(packageDir, 'dist', relative);
  return existsSync(path)
    ? { present: true, path }
    : { present: false, reason: `the Electron binary is missing (${path})` };
}

/** One message for `npm start` when the window cannot open; null when it can. */
export function launchProblem(options: LaunchCheckOptions = {}): string | null {
  const binary = findElectronBinary(options);
  if (binary.present) return null;
  return (
    `The desktop window cannot open here: ${binary.reason}. ` +
    'Run the same control panel in a browser with `npm run serve` instead.'
  );
}

function locatePackage(): string | null {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}
