import { describe, expect, it } from 'vitest';
import type { WorkerModule } from '../../../shared/module.js';
import { NativeModuleRegistry } from './native-registry.js';

const factory = (): WorkerModule => {
  throw new Error('not called in these tests');
};

describe('NativeModuleRegistry', () => {
  it('registers factories by name, with or without a url', () => {
    const registry = new NativeModuleRegistry();
    registry.register('zeta', factory);
    registry.register('alpha', factory, { url: 'file:///opt/alpha.js', exportName: 'create' });

    expect(registry.names()).toEqual(['alpha', 'zeta']);
    expect(registry.has('alpha')).toBe(true);
    expect(registry.has('beta')).toBe(false);
    expect(registry.get('alpha')).toMatchObject({
      url: 'file:///opt/alpha.js',
      exportName: 'create',
    });
    expect(registry.get('zeta')).toMatchObject({ url: null, exportName: 'default' });
    expect(registry.get('beta')).toBeUndefined();
  });

  it('refuses a second registration of a name and a url that is not a file URL', () => {
    const registry = new NativeModuleRegistry();
    registry.register('alpha', factory);
    expect(() => registry.register('alpha', factory)).toThrow('already registered');
    expect(() => registry.register('beta', factory, { url: '/opt/beta.js' })).toThrow('file: URL');
  });
});
