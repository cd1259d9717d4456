import { describe, expect, it } from 'vitest';
import { ansiSegments } from './ansi.js';
import { filterLogLines } from './log-filter.js';

const ESC = String.fromCharCode(27);

describe('ansiSegments', () => {
  it('turns colour codes into coloured segments and keeps the text itself', () => {
    const segments = ansiSegments(`plain ${ESC}[31mred${ESC}[0m ${ESC}[1mbold`);

    expect(segments.map((s) => s.text).join('')).toBe('plain red bold');
    expect(segments.find((s) => s.text === 'red')?.color).toMatch(/^rgb\(/);
    expect(segments.find((s) => s.text === 'plain ')?.color).toBeNull();
    expect(segments.find((s) => s.text === 'bold')?.bold).toBe(true);
  });

  it('leaves markup as literal text', () => {
    const segments = ansiSegments('<img src=x onerror=alert(1)> &amp;');

    expect(segments.map((s) => s.text).join('')).toBe('<img src=x onerror=alert(1)> &amp;');
  });
});

describe('filterLogLines', () => {
  const lines = [
    { seq: 1, time: 1, stream: 'stdout' as const, text: `${ESC}[32mServer${ESC}[0m listening` },
    { seq: 2, time: 2, stream: 'stderr' as const, text: 'Error: boom' },
  ];

  it('matches the text without escape codes, ignoring case', () => {
    expect(filterLogLines(lines, 'server LISTENING', 'all').map((l) => l.seq)).toEqual([1]);
  });

  it('filters by stream and returns the same array when nothing filters', () => {
    expect(filterLogLines(lines, '', 'stderr').map((l) => l.seq)).toEqual([2]);
    expect(filterLogLines(lines, '  ', 'all')).toBe(lines);
  });
});
