import { describe, expect, it } from 'vitest';
import {
  describeModuleInfo,
  describeModuleShape,
  isValidSemver,
  isWorkerModule,
} from './module.js';

const complete = {
  initialize() {},
  start() {},
  stop() {},
  isHealthy: () => true,
  getInfo: () => ({ name: 'm', version: '1.0.0', description: '', author: '', endpoints: [] }),
};

describe('describeModuleShape', () => {
  it('finds nothing missing on a complete module', () => {
    expect(describeModuleShape(complete)).toEqual([]);
    expect(isWorkerModule(complete)).toBe(true);
  });

  it('lists the methods an object lacks, in interface order', () => {
    const partial = { initialize() {}, start() {}, getInfo: complete.getInfo };
    expect(describeModuleShape(partial)).toEqual(['stop()', 'isHealthy()']);
    expect(describeModuleShape({ ...complete, start: 'yes' })).toEqual(['start()']);
  });

  it('lists every method for a value that is not an object', () => {
    expect(describeModuleShape(null)).toHaveLength(5);
    expect(isWorkerModule(42)).toBe(false);
  });
});

describe('isValidSemver', () => {
  it.each(['1.0.0', '0.1.2', '10.20.30', '1.0.0-alpha.1', '1.0.0+build.5', '2.0.0-rc.1+sha.abc'])(
    'accepts %s',
    (version) => expect(isValidSemver(version)).toBe(true),
  );
  it.each(['1.0', 'v1.0.0', '01.0.0', '1.0.0-', '1.0.0-01', '', '1.0.0.0'])(
    'rejects %j',
    (version) => expect(isValidSemver(version)).toBe(false),
  );
});

describe('describeModuleInfo', () => {
  it('accepts a complete info and names what is wrong in another', () => {
    expect(describeModuleInfo(complete.getInfo())).toEqual([]);
    expect(describeModuleInfo({ name: 'm', version: 'one', description: '', author: 1 })).toEqual([
      'author is not a string',
      'version "one" is not semver (e.g. 1.2.3)',
      'endpoints is not an array',
    ]);
  });
});
