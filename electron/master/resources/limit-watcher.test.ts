import { describe, expect, it } from 'vitest';
import { resources } from '../../../shared/config-schema.js';
import type { ResourceSample } from '../../../shared/types.js';
import { LimitWatcher } from './limit-watcher.js';

const MB = 1024 * 1024;

function sample(memoryMb: number | null, cpuPercent: number | null = null): ResourceSample {
  const memoryBytes = memoryMb === null ? null : memoryMb * MB;
  return { time: Date.now(), memoryBytes, cpuPercent, processCount: 1 };
}

describe('LimitWatcher', () => {
  const limits = resources.parse({
    memory: { max_rss_mb: 100, warning_percent: 80, policy: 'restart' },
    cpu: { max_percent: 50, policy: 'log' },
  });

  it('raises a warning and a violation once each on entering their levels', () => {
    const watcher = new LimitWatcher(limits);

    const calm = watcher.check(sample(50));
    const warned = watcher.check(sample(85));
    const stillWarned = watcher.check(sample(90));
    const violated = watcher.check(sample(120));
    const stillViolated = watcher.check(sample(150));

    expect(calm).toEqual([]);
    expect(warned).toMatchObject([
      { resource: 'memory', level: 'warning', policy: 'restart', action: 'alert', limit: 100 * MB },
    ]);
    expect(warned[0]?.message).toBe('memory 85.0 MiB passed 80% of the limit of 100.0 MiB');
    expect(stillWarned).toEqual([]);
    expect(violated).toMatchObject([{ level: 'violation', policy: 'restart', action: 'restart' }]);
    expect(violated[0]?.message).toBe('memory 120.0 MiB is over the limit of 100.0 MiB');
    expect(stillViolated).toEqual([]);
    expect(watcher.level('memory')).toBe('violation');
  });

  it('re-arms each level once the figure falls back below it', () => {
    const watcher = new LimitWatcher(limits);
    watcher.check(sample(120));

    const backToWarning = watcher.check(sample(85));
    const violatedAgain = watcher.check(sample(130));
    const calm = watcher.check(sample(40));
    const warnedAgain = watcher.check(sample(82));

    expect(backToWarning).toEqual([]);
    expect(violatedAgain).toMatchObject([{ level: 'violation' }]);
    expect(calm).toEqual([]);
    expect(watcher.level('memory')).toBe('warning');
    expect(warnedAgain).toMatchObject([{ level: 'warning' }]);
  });

  it('does not re-arm on a figure hovering just under the line', () => {
    const watcher = new LimitWatcher(limits);
    watcher.check(sample(101));

    const justUnder = watcher.check(sample(99));
    const overAgain = watcher.check(sample(101));

    expect(justUnder).toEqual([]);
    expect(overAgain).toEqual([]);
  });

  it('watches cpu on its own, with a log policy kept for warnings', () => {
    const watcher = new LimitWatcher(limits);

    const warned = watcher.check(sample(10, 45));
    const violated = watcher.check(sample(10, 75));
    const unmeasured = watcher.check(sample(null, null));

    expect(warned).toMatchObject([{ resource: 'cpu', level: 'warning', action: 'log' }]);
    expect(violated).toMatchObject([{ resource: 'cpu', level: 'violation', action: 'log' }]);
    expect(violated[0]?.message).toBe('cpu 75.0% is over the limit of 50.0%');
    expect(unmeasured).toEqual([]);
    expect(watcher.level('memory')).toBe('normal');
  });

  it('raises nothing without limits, and forgets levels on reset', () => {
    const none = new LimitWatcher(undefined);
    const watcher = new LimitWatcher(limits);
    watcher.check(sample(120));

    watcher.reset();

    expect(none.check(sample(1e6, 1e6))).toEqual([]);
    expect(watcher.check(sample(120))).toMatchObject([{ level: 'violation' }]);
  });
});
