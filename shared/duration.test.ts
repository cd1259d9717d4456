import { describe, expect, it } from 'vitest';
import { duration } from './config-schema.js';
import { formatDuration, parseDuration } from './duration.js';

describe('durations', () => {
  it('reads Go-style durations', () => {
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('1m30s')).toBe(90_000);
    expect(parseDuration('1.5h')).toBe(5_400_000);
    expect(parseDuration('0')).toBe(0);
    for (const bad of ['', '10', '-1s', '5 seconds', '1d', 's'])
      expect(parseDuration(bad)).toBeNull();
  });

  it('refuses durations longer than a timer can hold', () => {
    expect(duration.safeParse('576h').success).toBe(true);
    const long = duration.safeParse('99999999999999999999999h');
    expect(long.success).toBe(false);
    expect(long.error?.issues[0]?.message).toMatch(/too long/);
  });

  it('formats for people', () => {
    expect(formatDuration(850)).toBe('850ms');
    expect(formatDuration(4200)).toBe('4.2s');
    expect(formatDuration(185_000)).toBe('3m 5s');
  });
});
