import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatProblems, loadConfigFile } from './loader.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hsu-packages-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes node_modules/NAME with the given package.json fields and files. */
async function fakePackage(
  name: string,
  manifest: Record<string, unknown>,
  files: Record<string, number> = {},
): Promise<string> {
  const root = path.join(dir, 'node_modules', name);
  await mkdir(root, { recursive: true });
  await writeFile(path.join(root, 'package.json'), JSON.stringify({ name, ...manifest }));
  for (const [file, mode] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), '#!/usr/bin/env node\n');
    await chmod(path.join(root, file), mode);
  }
  return root;
}

async function load(text: string, at = 'workers.yaml') {
  const file = path.join(dir, at);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  return loadConfigFile(file);
}

function workersOf(result: Awaited<ReturnType<typeof load>>) {
  if (!result.ok) throw new Error(formatProblems(result.problems));
  return result.config.workers;
}

describe('package resolution', () => {
  it('takes a process worker executable from the bin named like the package', async () => {
    const root = await fakePackage(
      '@acme/server',
      { bin: { server: 'bin/server.js', 'server-admin': 'bin/admin.js' } },
      { 'bin/server.js': 0o755, 'bin/admin.js': 0o755 },
    );
    const single = await fakePackage('one-bin', { bin: { other: 'cli.js' } }, { 'cli.js': 0o755 });
    // The file sits in a sub-folder: packages are found in node_modules of the folders above.
    const result = await load(
      `workers:
  - { id: a, type: process, package: "@acme/server" }
  - { id: b, type: process, package: one-bin }
`,
      'conf/workers.yaml',
    );
    const [a, b] = workersOf(result);
    expect(a).toMatchObject({
      executable_path: path.join(root, 'bin/server.js'),
      working_directory: path.join(dir, 'conf'),
    });
    expect(b).toMatchObject({ executable_path: path.join(single, 'cli.js') });
  });

  it('takes a plugin file and entry point from the "hsu" field, else main or exports', async () => {
    const hsu = await fakePackage(
      'hsu-plugin',
      { hsu: { module: './lib/plugin.js', entry_point: 'createModule' }, main: 'index.js' },
      { 'lib/plugin.js': 0o644 },
    );
    const esm = await fakePackage(
      'esm-plugin',
      { exports: { '.': { import: './esm/index.js', require: './cjs/index.js' } } },
      { 'esm/index.js': 0o644 },
    );
    const plain = await fakePackage('main-plugin', { main: 'main.js' }, { 'main.js': 0o644 });
    const result = await load(`workers:
  - { id: a, type: module, module_type: plugin, package: hsu-plugin }
  - { id: b, type: module, module_type: plugin, package: esm-plugin }
  - { id: c, type: module, module_type: plugin, package: main-plugin, entry_point: make }
`);
    const [a, b, c] = workersOf(result);
    expect(a).toMatchObject({
      module_path: path.join(hsu, 'lib/plugin.js'),
      entry_point: 'createModule',
    });
    expect(b).toMatchObject({
      module_path: path.join(esm, 'esm/index.js'),
      entry_point: 'default',
    });
    expect(c).toMatchObject({ module_path: path.join(plain, 'main.js'), entry_point: 'make' });
  });

  it('reports packages that are missing, have no command, or name a missing file', async () => {
    await fakePackage('no-bin', {});
    await fakePackage('many-bins', { bin: { x: 'x.js', y: 'y.js' } }, { 'x.js': 0o755 });
    await fakePackage('broken-plugin', { hsu: { module: './gone.js' } });
    await fakePackage('unrunnable', { bin: 'run.js' }, { 'run.js': 0o644 });
    const result = await load(`workers:
  - { id: a, type: process, package: not-installed }
  - { id: b, type: process, package: no-bin }
  - { id: c, type: process, package: many-bins }
  - { id: d, type: module, module_type: plugin, package: broken-plugin }
  - { id: e, type: process, package: unrunnable }
  - { id: f, type: process, package: ../escape }
`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const unrunnable = path.join(dir, 'node_modules/unrunnable/run.js');
    expect(result.problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      '2:38 workers[0].package: ' +
        'package "not-installed" is not installed (no node_modules/not-installed here or above)',
      '3:38 workers[1].package: package "no-bin" has no command ("bin" in its package.json)',
      '4:38 workers[2].package: package "many-bins" has several commands (x, y) ' +
        'and none is named "many-bins"; set executable_path',
      '5:58 workers[3].package: ' +
        'package "broken-plugin" names module "gone.js", which does not exist',
      `6:38 workers[4].package: package "unrunnable" supplies ${JSON.stringify(unrunnable)}, ` +
        'which is not executable (mark it so with chmod +x)',
      '7:38 workers[5].package: "../escape" is not a package name',
    ]);
  });

  it('lets executable_path and module_path win over the package', async () => {
    await writeFile(path.join(dir, 'local.js'), '');
    await fakePackage(
      'hsu-plugin',
      { hsu: { module: './lib/plugin.js' } },
      { 'lib/plugin.js': 0o644 },
    );
    const result = await load(`workers:
  - { id: a, type: process, package: absent, executable_path: /bin/sh }
  - { id: b, type: module, module_type: plugin, package: hsu-plugin, module_path: local.js }
`);
    const [a, b] = workersOf(result);
    expect(a).toMatchObject({ executable_path: '/bin/sh' });
    expect(b).toMatchObject({ module_path: path.join(dir, 'local.js'), entry_point: 'default' });
  });
});
