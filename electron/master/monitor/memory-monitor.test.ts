import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { masterConfig } from '../../../shared/config-schema.js';
import { MemoryMonitor, type MemoryAlert, type MemorySample } from './memory-monitor.js';

const logger = pino({ level: 'silent' });
const monitors: MemoryMonitor[] = [];

afterEach(() => {
  for (const monitor of monitors.splice(0)) monitor.stop();
});

function monitor(interval: string, thresholdMb: number, historySize?: number): MemoryMonitor {
  const { memory_monitor } = masterConfig.parse({
    memory_monitor: { interval, threshold_mb: thresholdMb },
  });
  const made = new MemoryMonitor(memory_monitor, { logger, historySize });
  monitors.push(made);
  return made;
}

async function waitFor(what: string, predicate: () => boolean): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('MemoryMonitor', () => {
  it('raises one alert when memory grows past the threshold over its baseline', async () => {
    const memory = monitor('30ms', 1);
    const alerts: MemoryAlert[] = [];
    let samples = 0;
    memory.on('alert', (alert) => alerts.push(alert));
    memory.on('sample', () => samples++);

    memory.start();
    // Filled, so the pages are resident and count in rss; an array of objects grows the heap.
    const ballast = {
      buffer: Buffer.alloc(32 * 1024 * 1024, 1),
      objects: Array.from({ length: 200_000 }, (_, i) => ({ i, text: `item ${i}` })),
    };
    await waitFor('an alert', () => alerts.length > 0);
    const samplesAtAlert = samples;
    await waitFor('three more samples', () => samples >= samplesAtAlert + 3);

    expect(alerts).toHaveLength(1);
    const [alert] = alerts;
    expect(Math.max(alert?.rssDelta ?? 0, alert?.heapUsedDelta ?? 0)).toBeGreaterThan(1024 * 1024);
    expect(alert?.message).toMatch(/^master memory grew past 1 MB over its baseline/);
    expect(ballast.buffer.length + ballast.objects.length).toBeGreaterThan(0);
  });

  it('stays quiet under a generous threshold and keeps a bounded history', async () => {
    const memory = monitor('20ms', 100_000, 5);
    const heard: MemorySample[] = [];
    let alerts = 0;
    memory.on('sample', (sample) => heard.push(sample));
    memory.on('alert', () => alerts++);

    memory.start();
    await waitFor('eight samples', () => heard.length >= 8);
    memory.stop();

    expect(alerts).toBe(0);
    expect(memory.history()).toHaveLength(5);
    expect(memory.history()).toEqual(heard.slice(-5));
    expect(memory.baseline?.rss).toBeGreaterThan(0);
  });
});
