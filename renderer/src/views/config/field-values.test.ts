import { describe, expect, it } from 'vitest';
import { workerDefaults } from './field-values.js';

const file = {
  global: {
    process_defaults: { graceful_timeout: '5s', restart: { max_delay: '30s' } },
    module_defaults: { startup_timeout: '10s' },
  },
};

describe('workerDefaults', () => {
  it('picks the defaults of the worker type', () => {
    expect(workerDefaults(file, { type: 'process' })).toEqual(file.global.process_defaults);
    expect(workerDefaults(file, { type: 'module' })).toEqual(file.global.module_defaults);
  });

  it('gives none for an unknown type or a file without defaults', () => {
    expect(workerDefaults(file, { type: 'thread' })).toBeNull();
    expect(workerDefaults({ workers: [] }, { type: 'process' })).toBeNull();
    expect(workerDefaults({ global: { process_defaults: [1] } }, { type: 'process' })).toBeNull();
  });
});
