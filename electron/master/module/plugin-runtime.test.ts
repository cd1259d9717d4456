import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PluginModuleRuntime } from './plugin-runtime.js';
import { makeTempDir, type TempDir } from './test-support/module-fixtures.js';

const MODULE_BODY = `{
  initialize() {}, start() {}, stop() {}, isHealthy() { return true; },
  getInfo() {
    return { name: NAME, version: '1.2.3', description: 'test', author: 'tests', endpoints: [] };
  },
}`;
const body = (name: string): string => MODULE_BODY.replace('NAME', JSON.stringify(name));

let dir: TempDir;
let runtime: PluginModuleRuntime;

beforeEach(async () => {
  dir = await makeTempDir();
  runtime = new PluginModuleRuntime();
});
afterEach(() => dir.remove());

describe('PluginModuleRuntime.loadModule', () => {
  it('builds a module from a factory, a class or an object export', async () => {
    const path = await dir.plugin(
      'kinds',
      `export function create() { return ${body('from-factory')}; }
       export class Klass { constructor() { Object.assign(this, ${body('from-class')}); } }
       export default ${body('from-object')};
       export async function createLater() { return ${body('from-async')}; }`,
    );

    const names = await Promise.all(
      ['create', 'Klass', 'default', 'createLater'].map(async (entry) => {
        const module = await runtime.loadModule(path, entry);
        return module.getInfo().name;
      }),
    );

    expect(names).toEqual(['from-factory', 'from-class', 'from-object', 'from-async']);
    expect(
      runtime
        .listLoadedModules()
        .map((info) => info.name)
        .sort(),
    ).toEqual(['from-async', 'from-class', 'from-factory', 'from-object']);
  });

  it('uses the default export when no entry point is given', async () => {
    const path = await dir.plugin('plain', `export default () => (${body('plain')});`);
    expect((await runtime.loadModule(path)).getInfo().name).toBe('plain');
  });

  it('names the file, the export and the missing methods of an incomplete module', async () => {
    const path = await dir.plugin(
      'partial',
      'export function create() { ' +
        'return { initialize() {}, start() {}, getInfo() { return {}; } }; }',
    );
    await expect(runtime.loadModule(path, 'create')).rejects.toThrow(
      `plugin ${path} export "create" yields an object without stop(), isHealthy()`,
    );
  });

  it('says when an export yields no object at all', async () => {
    const path = await dir.plugin('number', `export const create = () => 42;`);
    await expect(runtime.loadModule(path, 'create')).rejects.toThrow(
      `plugin ${path} export "create" yields a number, not a module object`,
    );
  });

  it('lists the exports there are when the entry point is not one of them', async () => {
    const path = await dir.plugin('exports', `export const alpha = 1; export function beta() {}`);
    await expect(runtime.loadModule(path, 'create')).rejects.toThrow(
      `plugin ${path} has no export "create" (it exports alpha, beta)`,
    );
  });

  it('reports a file that cannot be imported, and refuses a relative path', async () => {
    const path = await dir.plugin('broken', `export default {{`);
    await expect(runtime.loadModule(path)).rejects.toThrow(`plugin ${path} could not be loaded:`);
    await expect(runtime.loadModule(`${dir.path}/missing.mjs`)).rejects.toThrow(
      'could not be loaded',
    );
    await expect(runtime.loadModule('plugins/x.mjs')).rejects.toThrow('must be absolute');
  });
});

describe('PluginModuleRuntime.unloadModule', () => {
  it('forgets a loaded module', async () => {
    const path = await dir.plugin('one', `export default () => (${body('one')});`);
    const module = await runtime.loadModule(path);
    expect(runtime.listLoadedModules()).toHaveLength(1);

    runtime.unloadModule(module);

    expect(runtime.listLoadedModules()).toEqual([]);
  });
});
