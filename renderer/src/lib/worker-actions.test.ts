import { describe, expect, it } from 'vitest';
import { WORKER_STATES, type WorkerState } from '../../../shared/types.js';
import { canRun, WORKER_ACTIONS, type WorkerAction } from './worker-actions.js';

const allowedStates = (action: WorkerAction): WorkerState[] =>
  WORKER_STATES.filter((state) => canRun(action, state));

describe('canRun', () => {
  it('allows each action only from the states the master accepts it in', () => {
    expect(allowedStates('start')).toEqual([
      'idle',
      'exited',
      'backoff',
      'failed_start',
      'degraded',
    ]);
    expect(allowedStates('stop')).toEqual(['starting', 'running', 'backoff']);
    expect(allowedStates('restart')).toEqual([
      'running',
      'exited',
      'backoff',
      'failed_start',
      'degraded',
    ]);
    expect(allowedStates('force-restart')).toEqual(allowedStates('restart'));
  });

  it('allows nothing while a worker is stopping', () => {
    expect(WORKER_ACTIONS.filter((action) => canRun(action, 'stopping'))).toEqual([]);
  });
});
