import { describe, expect, it } from 'vitest';
import { closestMatch, editDistance } from './suggest.js';

describe('suggestions', () => {
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('exectuable_path', 'executable_path')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests only what is close enough to be a misspelling', () => {
    const keys = ['executable_path', 'environment', 'args', 'id'];
    expect(closestMatch('exectuable_path', keys)).toBe('executable_path');
    expect(closestMatch('Environment', keys)).toBe('environment');
    expect(closestMatch('arg', keys)).toBe('args');
    expect(closestMatch('colour', keys)).toBeNull();
  });
});
