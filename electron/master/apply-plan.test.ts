import { describe, expect, it } from 'vitest';
import type { WorkerState } from '../../shared/types.js';
import { planApply, type PlannedWorker } from './apply-plan.js';
import { nodeWorker } from './test-support/fixtures.js';

const IDLE = 'setInterval(() => {}, 1000)';

function running(state: WorkerState, script = IDLE, overrides = {}): PlannedWorker {
  const active = ['starting', 'running', 'stopping', 'backoff'].includes(state);
  return { config: nodeWorker('w', script, overrides), active, state };
}

function planFor(current: PlannedWorker, next = nodeWorker('w', 'changed()')) {
  return planApply(new Map([['w', current]]), [next]);
}

describe('planApply', () => {
  it('restarts a changed running worker and leaves an unchanged one alone', () => {
    expect(planFor(running('running')).restart).toEqual(['w']);
    expect(planFor(running('running'), nodeWorker('w', IDLE)).unchanged).toEqual(['w']);
  });

  it('stops a running worker the new file disables, and keeps a stopped one stopped', () => {
    const disabled = nodeWorker('w', IDLE, { enabled: false });
    expect(planFor(running('running'), disabled).stop).toEqual(['w']);
    expect(planFor(running('idle'), disabled).keptStopped).toEqual(['w']);
  });

  it('starts again a worker that had ended or given up, once its configuration changes', () => {
    for (const state of ['exited', 'failed_start', 'degraded'] as const) {
      expect(planFor(running(state)).restart).toEqual(['w']);
    }
  });

  it('keeps a worker the operator stopped stopped, even when it changed', () => {
    expect(planFor(running('idle')).keptStopped).toEqual(['w']);
  });

  it('starts added workers and stops removed ones', () => {
    const plan = planApply(new Map([['old', running('running')]]), [nodeWorker('new', IDLE)]);
    expect(plan).toMatchObject({ start: ['new'], stop: ['old'] });
  });
});
