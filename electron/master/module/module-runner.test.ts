import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { WorkerModule } from '../../../shared/module.js';
import { InlineModuleRunner } from './inline-runner.js';
import { chooseIsolation, createModuleRunner } from './module-runner.js';
import { NativeModuleRegistry } from './native-registry.js';
import { moduleConfig } from './test-support/module-fixtures.js';
import { ThreadModuleRunner } from './thread-runner.js';

const factory = (): WorkerModule => {
  throw new Error('not called in these tests');
};

function deps() {
  const registry = new NativeModuleRegistry();
  registry.register('plain', factory);
  registry.register('portable', factory, { url: 'file:///opt/portable.js', exportName: 'create' });
  return { registry, logger: pino({ level: 'silent' }) };
}

const native = (name: string, isolation?: string) =>
  moduleConfig('w', { module_type: 'native', module_name: name, isolation });
const plugin = (isolation?: string) =>
  moduleConfig('w', { module_type: 'plugin', module_path: '/opt/p.mjs', isolation });

describe('chooseIsolation', () => {
  it('puts plugins in a thread unless the config says inline', () => {
    expect(chooseIsolation(plugin(), deps())).toBe('thread');
    expect(chooseIsolation(plugin('inline'), deps())).toBe('inline');
  });

  it('runs native modules inline unless registered with a url and asked for a thread', () => {
    expect(chooseIsolation(native('plain'), deps())).toBe('inline');
    expect(chooseIsolation(native('plain', 'thread'), deps())).toBe('inline');
    expect(chooseIsolation(native('portable'), deps())).toBe('inline');
    expect(chooseIsolation(native('portable', 'thread'), deps())).toBe('thread');
    expect(chooseIsolation(native('unknown', 'thread'), deps())).toBe('inline');
  });
});

describe('createModuleRunner', () => {
  it('builds the runner the isolation calls for', () => {
    expect(createModuleRunner(plugin(), deps())).toBeInstanceOf(ThreadModuleRunner);
    expect(createModuleRunner(native('plain'), deps())).toBeInstanceOf(InlineModuleRunner);
  });
});
