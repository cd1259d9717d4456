import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronBinary, launchProblem } from './launch-check.js';

describe('findElectronBinary', () => {
  let packageDir: string;

  beforeEach(async () => {
    packageDir = await mkdtemp(join(tmpdir(), 'hsu-electron-pkg-'));
    await writeFile(join(packageDir, 'package.json'), '{"name":"electron"}');
  });
  afterEach(() => rm(packageDir, { recursive: true, force: true }));

  it('reports a package whose binary was never downloaded', () => {
    const found = findElectronBinary({ packageDir, env: {} });

    expect(found).toEqual({ present: false, reason: 'the Electron binary was never downloaded' });
    expect(launchProblem({ packageDir, env: {} })).toMatch(/cannot open here.*npm run serve/);
  });

  it('reports a recorded binary that is not on disk', async () => {
    await writeFile(join(packageDir, 'path.txt'), 'electron');

    const found = findElectronBinary({ packageDir, env: {} });

    expect(found.present).toBe(false);
  });

  it('finds a binary that is there', async () => {
    await writeFile(join(packageDir, 'path.txt'), 'electron');
    await mkdir(join(packageDir, 'dist'));
    await writeFile(join(packageDir, 'dist', 'electron'), '');

    expect(findElectronBinary({ packageDir, env: {} })).toEqual({
      present: true,
      path: join(packageDir, 'dist', 'electron'),
    });
    expect(launchProblem({ packageDir, env: {} })).toBeNull();
  });

  it('follows ELECTRON_OVERRIDE_DIST_PATH', async () => {
    const env = { ELECTRON_OVERRIDE_DIST_PATH: join(packageDir, 'custom') };
    await mkdir(join(packageDir, 'custom'));

    expect(findElectronBinary({ packageDir, env }).present).toBe(false);
    await writeFile(join(packageDir, 'custom', 'electron'), '');
    expect(findElectronBinary({ packageDir, env }).present).toBe(true);
  });
});
