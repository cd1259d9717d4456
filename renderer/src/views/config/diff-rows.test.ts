import { describe, expect, it } from 'vitest';
import { countChanges, diffRows } from './diff-rows.js';
import { formatValue, parseInput } from './field-values.js';

describe('diffRows', () => {
  it('shows added and removed lines with their line numbers and folds far context', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', ''].join('\n');
    const after = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'H', ''].join('\n');
    const rows = diffRows(before, after, 2);
    expect(rows).toEqual([
      { kind: 'folded', count: 5 },
      { kind: 'same', text: 'f', line: 6 },
      { kind: 'same', text: 'g', line: 7 },
      { kind: 'removed', text: 'h', line: 8 },
      { kind: 'added', text: 'H', line: 8 },
    ]);
    expect(countChanges(rows)).toEqual({ added: 1, removed: 1 });
  });

  it('has no changes for equal texts', () => {
    expect(countChanges(diffRows('a\n', 'a\n'))).toEqual({ added: 0, removed: 0 });
  });
});

describe('field values', () => {
  it('turns typed text into the value written, leaving non-numbers for the schema', () => {
    expect(parseInput('int', ' 8080 ')).toBe(8080);
    expect(parseInput('int', '80x')).toBe('80x');
    expect(parseInput('int', '')).toBeUndefined();
    expect(parseInput('int-list', '200, 204 x')).toEqual([200, 204, 'x']);
    expect(parseInput('duration', ' 5s ')).toBe('5s');
    expect(parseInput('text', '')).toBeUndefined();
    expect(parseInput('text', '', true)).toBe('');
  });

  it('shows values as the inputs expect them', () => {
    expect(formatValue('int-list', [200, 204])).toBe('200, 204');
    expect(formatValue('int', 3)).toBe('3');
    expect(formatValue('text', undefined)).toBe('');
  });
});
