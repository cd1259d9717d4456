import { describe, expect, it } from 'vitest';
import type { WorkerDiagnostics } from '../../../shared/types.js';
import { summary } from '../store/test-fixtures.js';
import { liveDiagnostics } from './live-diagnostics.js';

const fetched: WorkerDiagnostics = {
  id: 'api',
  type: 'process',
  state: 'running',
  enabled: true,
  lastError: null,
  startTime: 1,
  resourceUsage: { time: 1, cpuPercent: 1, memoryBytes: 1, processCount: 1 },
  processId: 10,
  executablePath: 'node',
  executableExists: true,
  healthStatus: 'healthy',
  healthHistory: [],
  restarts: 0,
  retryCount: 0,
  nextRestartAt: null,
  lastExit: null,
  transitions: [],
  moduleDiagnostics: null,
};

describe('liveDiagnostics', () => {
  it('lays the live summary, newest sample and histories over the fetched diagnostics', () => {
    const sample = { time: 1_005, cpuPercent: 50, memoryBytes: 9, processCount: 2 };
    const result = liveDiagnostics(fetched, {
      summary: summary('api', { state: 'running', pid: 11, restarts: 3, lastError: 'exit 1' }),
      metrics: [sample],
      health: {
        status: 'unhealthy',
        history: [{ time: 4, ok: false, latencyMs: 1, message: 'x' }],
      },
      transitions: undefined,
    });

    expect(result).toMatchObject({
      state: 'running',
      processId: 11,
      restarts: 3,
      lastError: 'exit 1',
      resourceUsage: sample,
      executablePath: 'node',
    });
    expect(result.healthHistory).toHaveLength(1);
    expect(result.transitions).toBe(fetched.transitions);
  });

  it('shows no resource usage once the run has ended, though samples remain', () => {
    const result = liveDiagnostics(fetched, {
      summary: summary('api', { state: 'degraded', pid: null, startTime: null }),
      metrics: [{ time: 5, cpuPercent: 0, memoryBytes: 9, processCount: 1 }],
      health: undefined,
      transitions: undefined,
    });

    expect(result.resourceUsage).toBeNull();
  });

  it('shows no resource usage in back-off, though the summary still had a start time', () => {
    const result = liveDiagnostics(fetched, {
      summary: summary('api', { state: 'backoff', pid: null, startTime: null, cpu: null }),
      metrics: [{ time: 5, cpuPercent: 30, memoryBytes: 9, processCount: 1 }],
      health: undefined,
      transitions: undefined,
    });

    expect(result.resourceUsage).toBeNull();
  });

  it('ignores samples of an earlier run once a new run has started', () => {
    const result = liveDiagnostics(fetched, {
      summary: summary('api', { startTime: 2_000 }),
      metrics: [{ time: 1_500, cpuPercent: 30, memoryBytes: 9, processCount: 1 }],
      health: undefined,
      transitions: undefined,
    });

    expect(result.resourceUsage).toBeNull();
  });

  it('keeps the fetched usage of the same run until a newer sample arrives', () => {
    const result = liveDiagnostics(
      { ...fetched, startTime: 1_000 },
      {
        summary: summary('api', { startTime: 1_000 }),
        metrics: [{ time: 900, cpuPercent: 30, memoryBytes: 9, processCount: 1 }],
        health: undefined,
        transitions: undefined,
      },
    );

    expect(result.resourceUsage).toBe(fetched.resourceUsage);
  });

  it('keeps the fetched figures when nothing live is known', () => {
    const result = liveDiagnostics(fetched, {
      summary: undefined,
      metrics: undefined,
      health: undefined,
      transitions: undefined,
    });

    expect(result).toEqual(fetched);
  });
});
