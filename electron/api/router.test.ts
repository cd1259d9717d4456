import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { API_METHODS, ApiError, type ApiResult } from '../../shared/api-contract.js';
import type { ConfigPort } from './config-port.js';
import { createRouter } from './router.js';
import { ScriptedMaster } from './test-support/scripted-master.js';

const logger = pino({ level: 'silent' });

function failure(result: ApiResult<unknown>) {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.error;
}

describe('createRouter', () => {
  it('offers exactly the contract methods', () => {
    const router = createRouter({ master: new ScriptedMaster(), logger });
    expect([...router.methods].sort()).toEqual([...API_METHODS].sort());
  });

  it.each(['../x', 'a'.repeat(65), '', 'a b'])(
    'rejects the worker id %j, naming the field',
    async (id) => {
      const router = createRouter({ master: new ScriptedMaster(['api']), logger });

      const error = failure(await router.call('workers.start', { id }));

      expect(error.kind).toBe('validation');
      expect(error.message).toMatch(/^id: must be 1-64 characters/);
      expect(error.issues?.map((issue) => issue.path)).toEqual(['id']);
    },
  );

  it('names the offending field of a bad body', async () => {
    const router = createRouter({ master: new ScriptedMaster(['api']), logger });

    const force = failure(await router.call('workers.restart', { id: 'api', force: 'yes' }));
    const extra = failure(await router.call('workers.stop', { id: 'api', hard: true }));
    const tail = failure(await router.call('workers.logs', { id: 'api', tail: 0 }));
    const missing = failure(await router.call('workers.get', undefined));
    const ack = failure(await router.call('alerts.ack', { all: false }));

    expect([force, extra, tail, missing, ack].map((e) => e.kind)).toEqual(
      Array(5).fill('validation'),
    );
    expect(force.message).toMatch(/^force: /);
    expect(extra.message).toBe('hard: unknown field');
    expect(tail.message).toMatch(/^tail: /);
    expect(missing.message).toMatch(/^input: /);
    expect(ack.message).toMatch(/^all: /);
  });

  it('says one thing per field, even when a value breaks several rules', async () => {
    const router = createRouter({ master: new ScriptedMaster(['api']), logger });
    const huge = failure(await router.call('workers.logs', { id: 'api', tail: '9'.repeat(20) }));
    expect(huge.message).toBe('tail: must be a whole number of lines');
  });

  it('answers an unknown method with not_found, even one inherited from Object', async () => {
    const router = createRouter({ master: new ScriptedMaster(), logger });

    expect(failure(await router.call('workers.destroy', {})).kind).toBe('not_found');
    expect(failure(await router.call('toString', undefined)).kind).toBe('not_found');
  });

  it('passes parsed input to the master and its answer back', async () => {
    const router = createRouter({ master: new ScriptedMaster(['api']), logger });

    const started = await router.call('workers.start', { id: 'api' });
    const logs = await router.call('workers.logs', { id: 'api', tail: '20' });

    expect(started).toMatchObject({ ok: true, value: { id: 'api', state: 'running' } });
    expect(logs).toEqual({ ok: true, value: [] });
  });

  it('keeps the kind of a thrown ApiError', async () => {
    const master = new ScriptedMaster(['api']);
    const router = createRouter({ master, logger });

    const unknown = failure(await router.call('workers.get', { id: 'nope' }));
    master.failure = new ApiError('conflict', 'api is already stopping');
    const conflict = failure(await router.call('workers.stop', { id: 'api' }));

    expect(unknown).toEqual({ kind: 'not_found', message: 'no worker nope' });
    expect(conflict).toEqual({ kind: 'conflict', message: 'api is already stopping' });
  });

  it('turns any other thrown error into internal', async () => {
    const master = new ScriptedMaster(['api']);
    master.failure = new TypeError('cannot read pid of undefined');
    const router = createRouter({ master, logger });

    const error = failure(await router.call('workers.start', { id: 'api' }));

    expect(error).toEqual({ kind: 'internal', message: 'cannot read pid of undefined' });
  });

  it('answers config methods with not_found when there is no configuration file', async () => {
    const router = createRouter({ master: new ScriptedMaster(), logger });

    const error = failure(await router.call('config.get', undefined));

    expect(error).toEqual({ kind: 'not_found', message: 'no configuration file' });
  });

  it('hands config methods to the config port and keeps its errors', async () => {
    const saved: string[] = [];
    const config: Partial<ConfigPort> = {
      validate: (text) => Promise.resolve({ valid: text.length > 0, errors: [], workers: 0 }),
      save: (text) => {
        saved.push(text);
        return Promise.reject(new ApiError('validation', 'workers.yaml:1:1 unknown key'));
      },
    };
    const router = createRouter({
      master: new ScriptedMaster(),
      config: config as ConfigPort,
      logger,
    });

    const report = await router.call('config.validate', { text: 'workers: []' });
    const save = failure(await router.call('config.save', { text: 'bogus: 1' }));

    expect(report).toEqual({ ok: true, value: { valid: true, errors: [], workers: 0 } });
    expect(save).toEqual({ kind: 'validation', message: 'workers.yaml:1:1 unknown key' });
    expect(saved).toEqual(['bogus: 1']);
  });
});
