import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatProblems, loadConfigFile } from './loader.js';
import { deepMerge, mergeWorkerDefaults, readDefaults } from './merge-defaults.js';

describe('deepMerge', () => {
  it('merges maps key by key, lets the top value win and replaces lists', () => {
    const base = { env: { A: '1', B: '2' }, args: ['x', 'y'], restart: { max_retries: 3 } };
    const over = { env: { B: 'mine' }, args: ['z'], restart: { policy: 'always' } };
    expect(deepMerge(base, over)).toEqual({
      env: { A: '1', B: 'mine' },
      args: ['z'],
      restart: { max_retries: 3, policy: 'always' },
    });
    expect(base.env).toEqual({ A: '1', B: '2' });
  });

  it('keeps a key named __proto__ a plain key', () => {
    const over = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    const merged = deepMerge({}, over);
    expect(Object.hasOwn(merged, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('merges only under workers of the matching type', () => {
    const defaults = readDefaults({
      global: { process_defaults: { args: ['p'] }, module_defaults: { config: { m: 1 } } },
    });
    expect(mergeWorkerDefaults({ type: 'module', config: { n: 2 } }, defaults)).toEqual({
      type: 'module',
      config: { m: 1, n: 2 },
    });
    expect(mergeWorkerDefaults({ type: 'other' }, defaults)).toEqual({ type: 'other' });
  });
});

describe('defaults in workers.yaml', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hsu-defaults-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function load(text: string) {
    const file = path.join(dir, 'workers.yaml');
    await writeFile(file, text);
    return loadConfigFile(file);
  }

  it('reports a bad default once, at the defaults line, however many workers use it', async () => {
    const result = await load(`global:
  process_defaults:
    restart:
      retry_delay: soon
workers:
  - { id: a, type: process, executable_path: /bin/sh }
  - { id: b, type: process, executable_path: /bin/sh }
`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatProblems(result.problems).split(dir).join('DIR')).toBe(
      'DIR/workers.yaml:4:20 global.process_defaults.restart.retry_delay: ' +
        '"soon" is not a duration (use e.g. "500ms", "10s", "2m")',
    );
    expect(result.problems[0]?.path).toBe('global.process_defaults.restart.retry_delay');
  });

  it('does not blame a default that the worker overrides', async () => {
    const result = await load(`global:
  process_defaults:
    stop_signal: SIGWHAT
workers:
  - { id: a, type: process, executable_path: /bin/sh, stop_signal: SIGINT }
`);
    expect(result.ok).toBe(true);
  });

  it('reports unknown keys in the defaults even with no worker of that type', async () => {
    const result = await load(`global:
  process_defaults:
    enviroment: { A: "1" }
    restart: { max_retries: 2, retry_dleay: 1s }
  module_defaults:
    id: shared
    executable_path: /bin/sh
workers: []
`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(
      formatProblems(result.problems)
        .split('\n')
        .map((l) => l.split(dir).join('DIR')),
    ).toEqual([
      'DIR/workers.yaml:3:5 global.process_defaults.enviroment: ' +
        'unknown key; did you mean "environment"?',
      'DIR/workers.yaml:4:32 global.process_defaults.restart.retry_dleay: ' +
        'unknown key; did you mean "retry_delay"?',
      'DIR/workers.yaml:6:5 global.module_defaults.id: ' +
        'cannot be a default (each worker sets its own)',
      'DIR/workers.yaml:7:5 global.module_defaults.executable_path: unknown key',
    ]);
  });

  it('points at the worker when a required field is missing from both', async () => {
    const result = await load(`global:
  module_defaults:
    health_check:
      run_options: { interval: 5s }
workers:
  - id: m
    type: module
    module_type: native
    module_name: echo
    health_check:
      module: {}
`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = formatProblems(result.problems).split(dir).join('DIR').split('\n');
    expect(lines).toEqual([
      'DIR/workers.yaml:11:7 workers[0].health_check.module: unknown key',
      'DIR/workers.yaml:11:7 workers[0].health_check.type: ' +
        'is required (one of "process", "http", "tcp", "exec", "module")',
    ]);
  });

  it('points at the defaults when only they hold part of the incomplete field', async () => {
    const result = await load(`global:
  module_defaults:
    health_check:
      run_options: { interval: 5s }
workers:
  - { id: m, type: module, module_type: native, module_name: echo }
`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatProblems(result.problems).split(dir).join('DIR')).toBe(
      'DIR/workers.yaml:4:7 workers[0].health_check.type: ' +
        'is required (one of "process", "http", "tcp", "exec", "module")',
    );
  });
});
