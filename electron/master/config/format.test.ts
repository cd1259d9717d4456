import { describe, expect, it } from 'vitest';
import { formatProblem, formatProblems } from './format.js';

describe('formatting problems', () => {
  it('writes FILE:LINE:COL message, one problem per line', () => {
    const first = { file: 'config/workers.yaml', line: 3, column: 7, path: 'a', message: 'a: bad' };
    const second = { ...first, line: 10, column: 1, message: 'b: worse' };
    expect(formatProblem(first)).toBe('config/workers.yaml:3:7 a: bad');
    expect(formatProblems([first, second])).toBe(
      'config/workers.yaml:3:7 a: bad\nconfig/workers.yaml:10:1 b: worse',
    );
    expect(formatProblems([])).toBe('');
  });
});
