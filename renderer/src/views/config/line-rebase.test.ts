import { describe, expect, it } from 'vitest';
import { keepCommentColumn, rebaseLines } from './line-rebase.js';

describe('rebaseLines', () => {
  const original = ['a: 1    # one', 'b: [x, y]', 'c: 3', ''].join('\n');
  const baseline = ['a: 1 # one', 'b: [ x, y ]', 'c: 3', ''].join('\n');

  it('keeps the original bytes of every line the edit did not touch', () => {
    const edited = ['a: 1 # one', 'b: [ x, y ]', 'c: 4', ''].join('\n');
    expect(rebaseLines(original, baseline, edited)).toBe(
      ['a: 1    # one', 'b: [x, y]', 'c: 4', ''].join('\n'),
    );
  });

  it('keeps inserted and removed lines in place', () => {
    const edited = ['a: 1 # one', 'c: 3', 'd: 5', ''].join('\n');
    expect(rebaseLines(original, baseline, edited)).toBe(
      ['a: 1    # one', 'c: 3', 'd: 5', ''].join('\n'),
    );
  });

  it('keeps a replaced line comment at its column', () => {
    const edited = ['a: 2 # one', 'b: [ x, y ]', 'c: 3', ''].join('\n');
    expect(rebaseLines(original, baseline, edited).split('\n')[0]).toBe('a: 2    # one');
  });

  it('gives the original back when nothing changed', () => {
    expect(rebaseLines(original, baseline, baseline)).toBe(original);
  });
});

describe('keepCommentColumn', () => {
  it('pads only when the new code fits before the column', () => {
    expect(keepCommentColumn('port: 80      # public', 'port: 8080 # public')).toBe(
      'port: 8080    # public',
    );
    expect(keepCommentColumn('p: 1 # c', 'p: 100000 # c')).toBe('p: 100000 # c');
    expect(keepCommentColumn('p: 1', 'p: 2')).toBe('p: 2');
  });
});
