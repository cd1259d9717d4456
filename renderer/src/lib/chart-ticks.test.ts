import { describe, expect, it } from 'vitest';
import { byteTicks, formatByteTick, percentTicks, timeTicks } from './chart-ticks.js';

const MiB = 1024 * 1024;

describe('timeTicks', () => {
  it('puts a short span on distinct whole seconds', () => {
    const ticks = timeTicks(10_300, 12_900);
    expect(ticks).toEqual([11_000, 12_000]);
  });

  it('widens the step so a long span gets about six ticks', () => {
    const ticks = timeTicks(0, 10 * 60_000);
    expect(ticks.length).toBeLessThanOrEqual(6);
    expect(ticks.every((t) => t % 60_000 === 0)).toBe(true);
    expect(new Set(ticks).size).toBe(ticks.length);
  });

  it('gives one tick for a single point and for a span within one second', () => {
    expect(timeTicks(5_000, 5_000)).toEqual([5_000]);
    expect(timeTicks(5_100, 5_400)).toEqual([5_100]);
  });
});

describe('byteTicks', () => {
  it('steps through round figures of the largest unit and ends at or above the maximum', () => {
    expect(byteTicks(45.9 * MiB)).toEqual([0, 20 * MiB, 40 * MiB, 60 * MiB]);
    expect(byteTicks(98 * MiB)).toEqual([0, 25 * MiB, 50 * MiB, 75 * MiB, 100 * MiB]);
  });

  it('handles an empty or zero series', () => {
    expect(byteTicks(0)).toEqual([0]);
    expect(byteTicks(Number.NaN)).toEqual([0]);
  });
});

describe('percentTicks', () => {
  it('steps through round figures, and shows 0 to 1 % for an idle worker', () => {
    expect(percentTicks(3.4)).toEqual([0, 1, 2, 3, 4]);
    expect(percentTicks(0.3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(percentTicks(0)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
});

describe('formatByteTick', () => {
  it('drops needless decimals', () => {
    expect(formatByteTick(20 * MiB)).toBe('20 MiB');
    expect(formatByteTick(2.5 * 1024 * MiB)).toBe('2.5 GiB');
    expect(formatByteTick(0)).toBe('0 B');
  });
});
