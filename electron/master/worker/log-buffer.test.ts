import { describe, expect, it } from 'vitest';
import { DEFAULT_LOG_CAPACITY, LogBuffer } from './log-buffer.js';

const texts = (lines: { text: string }[]): string[] => lines.map((line) => line.text);

function filled(capacity: number, lines: number): LogBuffer {
  const buffer = new LogBuffer(capacity);
  for (let i = 1; i <= lines; i++) buffer.push('stdout', `line ${i}`);
  return buffer;
}

describe('LogBuffer', () => {
  it('numbers lines from 1 and records stream and time', () => {
    const buffer = new LogBuffer();
    const before = Date.now();

    const first = buffer.push('stdout', 'hello');
    const second = buffer.push('stderr', 'oops');

    expect(buffer.capacity).toBe(DEFAULT_LOG_CAPACITY);
    expect(first).toMatchObject({ seq: 1, stream: 'stdout', text: 'hello' });
    expect(second).toMatchObject({ seq: 2, stream: 'stderr', text: 'oops' });
    expect(first.time).toBeGreaterThanOrEqual(before);
    expect(buffer.size).toBe(2);
  });

  it('keeps only the newest lines once full, oldest first', () => {
    const buffer = filled(3, 5);

    expect(buffer.size).toBe(3);
    expect(texts(buffer.tail())).toEqual(['line 3', 'line 4', 'line 5']);
    expect(buffer.tail().map((line) => line.seq)).toEqual([3, 4, 5]);
  });

  it('tail(n) gives the last n lines, and no more than it has', () => {
    const buffer = filled(4, 6);

    expect(texts(buffer.tail(2))).toEqual(['line 5', 'line 6']);
    expect(texts(buffer.tail(10))).toEqual(['line 3', 'line 4', 'line 5', 'line 6']);
    expect(buffer.tail(0)).toEqual([]);
  });

  it('since(seq) gives what a client missed, bounded by what is kept', () => {
    const buffer = filled(4, 6);

    expect(texts(buffer.since(4))).toEqual(['line 5', 'line 6']);
    expect(texts(buffer.since(0))).toEqual(['line 3', 'line 4', 'line 5', 'line 6']);
    expect(buffer.since(6)).toEqual([]);
    expect(buffer.since(99)).toEqual([]);
  });

  it('clear empties it while seq keeps increasing', () => {
    const buffer = filled(3, 5);

    buffer.clear();
    const next = buffer.push('stdout', 'after');

    expect(next.seq).toBe(6);
    expect(buffer.size).toBe(1);
    expect(texts(buffer.tail())).toEqual(['after']);
    expect(texts(buffer.since(5))).toEqual(['after']);
  });

  it('stays bounded and in order over many wraps', () => {
    const buffer = filled(7, 10_003);

    expect(buffer.size).toBe(7);
    expect(buffer.tail().map((line) => line.seq)).toEqual([
      9997, 9998, 9999, 10000, 10001, 10002, 10003,
    ]);
  });

  it('rejects a capacity that cannot hold a line', () => {
    expect(() => new LogBuffer(0)).toThrow(RangeError);
    expect(() => new LogBuffer(2.5)).toThrow(RangeError);
  });
});
