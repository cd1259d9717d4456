import { describe, expect, it } from 'vitest';
import { RECONNECT_BASE_MS, RECONNECT_MAX_MS, reconnectDelay } from './backoff.js';

describe('reconnectDelay', () => {
  it('doubles from the base delay', () => {
    expect(reconnectDelay(0, 0.5)).toBe(RECONNECT_BASE_MS);
    expect(reconnectDelay(1, 0.5)).toBe(RECONNECT_BASE_MS * 2);
    expect(reconnectDelay(3, 0.5)).toBe(RECONNECT_BASE_MS * 8);
  });

  it('never exceeds the cap, however many attempts failed', () => {
    for (const random of [0, 0.5, 0.999]) {
      expect(reconnectDelay(10, random)).toBeLessThanOrEqual(RECONNECT_MAX_MS);
      expect(reconnectDelay(1000, random)).toBeLessThanOrEqual(RECONNECT_MAX_MS);
    }
  });

  it('spreads retries with jitter', () => {
    expect(reconnectDelay(2, 0)).toBeLessThan(reconnectDelay(2, 0.999));
  });
});
