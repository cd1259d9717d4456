import { describe, expect, it } from 'vitest';
import { BoundedRing } from './bounded-ring.js';

describe('BoundedRing', () => {
  it('keeps the newest entries, oldest first', () => {
    const ring = new BoundedRing<number>(3);

    for (let i = 1; i <= 7; i++) ring.push(i);

    expect(ring.toArray()).toEqual([5, 6, 7]);
    expect(ring.latest()).toBe(7);
    expect(ring.size).toBe(3);
  });

  it('reports nothing when empty and refuses a useless capacity', () => {
    const ring = new BoundedRing<string>(2);

    expect(ring.latest()).toBeUndefined();
    expect(ring.toArray()).toEqual([]);
    expect(() => new BoundedRing(0)).toThrow(RangeError);
  });

  it('replaces a matching entry in place', () => {
    const ring = new BoundedRing<{ id: number; seen: boolean }>(2);
    for (let id = 1; id <= 3; id++) ring.push({ id, seen: false });

    const replaced = ring.replace(
      (item) => item.id === 3,
      (item) => ({ ...item, seen: true }),
    );
    const missing = ring.replace(
      (item) => item.id === 1,
      (item) => item,
    );

    expect(replaced).toEqual({ id: 3, seen: true });
    expect(missing).toBeUndefined();
    expect(ring.toArray()).toEqual([
      { id: 2, seen: false },
      { id: 3, seen: true },
    ]);
  });
});
