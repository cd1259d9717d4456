// A fixed-capacity ring: histories of health results, resource samples, memory samples and
// alerts all keep the newest N entries, and pushing never allocates once the ring is full.

export class BoundedRing<T> {
  private readonly items: T[] = [];
  /** Index of the oldest entry once the ring is full. */
  private head = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`ring capacity must be a positive integer, got ${capacity}`);
    }
  }

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    if (this.items.length < this.capacity) {
      this.items.push(item);
      return;
    }
    this.items[this.head] = item;
    this.head = (this.head + 1) % this.capacity;
  }

  /** The newest entry, or undefined when empty. */
  latest(): T | undefined {
    if (this.items.length === 0) return undefined;
    const index = this.items.length < this.capacity ? this.items.length - 1 : this.head - 1;
    return this.items[(index + this.capacity) % this.capacity];
  }

  /** Entries oldest first; a copy the caller may keep. */
  toArray(): T[] {
    if (this.head === 0) return this.items.slice();
    return [...this.items.slice(this.head), ...this.items.slice(0, this.head)];
  }

  /** Replaces an entry that matches (ids are unique where this is used); returns the new one. */
  replace(match: (item: T) => boolean, next: (item: T) => T): T | undefined {
    const index = this.items.findIndex(match);
    if (index < 0) return undefined;
    const replaced = next(this.items[index] as T);
    this.items[index] = replaced;
    return replaced;
  }

  clear(): void {
    this.items.length = 0;
    this.head = 0;
  }
}
