import { describe, expect, it } from 'vitest';
import { healthCheckedIds } from './health-checked.js';

describe('healthCheckedIds', () => {
  it('lists workers with their own health check', () => {
    const text = `
workers:
  - id: web
    type: process
    executable_path: node
    health_check: { type: tcp, tcp: { port: 80 } }
  - id: ticker
    type: process
    executable_path: node
`;

    expect(healthCheckedIds(text)).toEqual(new Set(['web']));
  });

  it('counts a health check inherited from the defaults of the worker type only', () => {
    const text = `
global:
  module_defaults:
    health_check: { type: module }
workers:
  - { id: proc, type: process, executable_path: node }
  - { id: mod, type: module, module_type: native, module_name: http-module }
`;

    expect(healthCheckedIds(text)).toEqual(new Set(['mod']));
  });

  it('knows nothing from text that is not a workers file', () => {
    expect(healthCheckedIds('workers: [')).toBeNull();
    expect(healthCheckedIds('just text')).toBeNull();
  });
});
