import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { findNode, formatPath, matchOffset, pathAtOffset, type PathSegment } from './positions.js';

function parse(text: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, merge: true });
  const at = (path: PathSegment[], target: 'key' | 'value' = 'value') =>
    lineCounter.linePos(matchOffset(findNode(doc, path), target));
  return { doc, at };
}

describe('formatPath', () => {
  it('writes list indexes in brackets and quotes keys that are not plain names', () => {
    expect(formatPath(['workers', 1, 'restart', 'max_retries'])).toBe(
      'workers[1].restart.max_retries',
    );
    expect(formatPath(['workers', 0, 'environment', 'my.var'])).toBe(
      'workers[0].environment["my.var"]',
    );
    expect(formatPath([])).toBe('');
  });
});

describe('findNode', () => {
  const text = `base: &base
  retry_delay: 1s
  policy: always
workers:
  - id: a
    restart:
      <<: *base
      policy: never
  - id: b
    restart: *base
`;

  it('finds values, keys, and values brought in by merge keys or aliases at their source', () => {
    const { at } = parse(text);
    expect(at(['workers', 0, 'restart', 'policy'])).toEqual({ line: 8, col: 15 });
    expect(at(['workers', 0, 'restart', 'policy'], 'key')).toEqual({ line: 8, col: 7 });
    expect(at(['workers', 0, 'restart', 'retry_delay'])).toEqual({ line: 2, col: 16 });
    expect(at(['workers', 1, 'restart', 'policy'])).toEqual({ line: 3, col: 11 });
  });

  it('stops at the deepest part of the path that exists', () => {
    const { doc } = parse(text);
    const match = findNode(doc, ['workers', 1, 'health_check', 'type']);
    expect(match.depth).toBe(2);
  });
});

describe('pathAtOffset', () => {
  it('names the key or value written at an offset', () => {
    const text = 'workers:\n  - id: a\n    args: [x, y]\n';
    const { doc } = parse(text);
    expect(pathAtOffset(doc, text.indexOf('args'))).toEqual(['workers', 0, 'args']);
    expect(pathAtOffset(doc, text.indexOf('y]'))).toEqual(['workers', 0, 'args', 1]);
    expect(pathAtOffset(doc, 0)).toEqual(['workers']);
  });
});
