// The recent output of one worker, kept in a fixed ring so a chatty worker costs the master a
// bounded amount of memory and each line costs O(1) to keep.
import type { LogLine, LogStream } from '../../../shared/types.js';

export const DEFAULT_LOG_CAPACITY = 1000;

export class LogBuffer {
  private readonly ring: (LogLine | undefined)[];
  /** Index of the oldest line. */
  private head = 0;
  private count = 0;
  private nextSeq = 1;

  constructor(readonly capacity: number = DEFAULT_LOG_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`log capacity must be a positive integer, got ${capacity}`);
    }
    this.ring = new Array<LogLine | undefined>(capacity);
  }

  get size(): number {
    return this.count;
  }

  push(stream: LogStream, text: string): LogLine {
    const line: LogLine = { seq: this.nextSeq++, time: Date.now(), stream, text };
    if (this.count < this.capacity) {
      this.ring[(this.head + this.count) % this.capacity] = line;
      this.count += 1;
    } else {
      this.ring[this.head] = line;
      this.head = (this.head + 1) % this.capacity;
    }
    return line;
  }

  /** The last n lines (all when n is omitted), oldest first. */
  tail(n: number = this.count): LogLine[] {
    const take = Math.max(0, Math.min(Math.floor(n), this.count));
    return this.slice(this.count - take);
  }

  /** Lines with a seq greater than seq, oldest first: what a client that saw seq missed. */
  since(seq: number): LogLine[] {
    const oldest = this.nextSeq - this.count;
    const skip = Math.max(0, Math.min(this.count, Math.floor(seq) - oldest + 1));
    return this.slice(skip);
  }

  /** Forgets the lines; seq keeps increasing so clients never see a number twice. */
  clear(): void {
    this.ring.fill(undefined);
    this.head = 0;
    this.count = 0;
  }

  private slice(skip: number): LogLine[] {
    const lines: LogLine[] = [];
    for (let i = skip; i < this.count; i++) {
      lines.push(this.ring[(this.head + i) % this.capacity] as LogLine);
    }
    return lines;
  }
}
