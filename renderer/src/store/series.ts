// Bounded, ordered series: the building blocks of the reducers. Each returns its input unchanged
// when there is nothing to add, so selectors that read it keep their references.

export function appendBounded<T>(
  existing: readonly T[] | undefined,
  items: readonly T[],
  limit: number,
): T[] {
  const base = existing ?? [];
  if (items.length === 0) return base as T[];
  const joined = base.concat(items);
  return joined.length > limit ? joined.slice(joined.length - limit) : joined;
}

/** Union of two series ordered by `key`, one entry per key (the later list wins), bounded. */
export function mergeByKey<T>(
  existing: readonly T[] | undefined,
  incoming: readonly T[],
  key: (item: T) => number | string,
  order: (a: T, b: T) => number,
  limit: number,
): T[] {
  const byKey = new Map<number | string, T>();
  for (const item of existing ?? []) byKey.set(key(item), item);
  for (const item of incoming) byKey.set(key(item), item);
  const merged = [...byKey.values()].sort(order);
  return merged.length > limit ? merged.slice(merged.length - limit) : merged;
}

/** Shallow equality of two plain records: a summary that did not change keeps its row still. */
export function shallowEqual(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => Object.is(left[key], right[key]));
}
