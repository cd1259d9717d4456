import { describe, expect, it } from 'vitest';
import { takeToken, type TokenEnvironment } from './token.js';

function environment(href: string, stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored));
  const replaced: string[] = [];
  const env: TokenEnvironment = {
    href,
    storage: {
      getItem: (key) => storage.get(key) ?? null,
      setItem: (key, value) => void storage.set(key, value),
    },
    replaceUrl: (url) => void replaced.push(url),
  };
  return { env, storage, replaced };
}

describe('takeToken', () => {
  it('takes the token from the URL, stores it and removes it from the address', () => {
    const { env, storage, replaced } = environment('http://127.0.0.1:7000/?token=abc&x=1#/alerts');

    expect(takeToken(env)).toBe('abc');
    expect(storage.get('hsu.token')).toBe('abc');
    expect(replaced).toEqual(['/?x=1#/alerts']);
  });

  it('falls back to the stored token and leaves the address alone', () => {
    const { env, replaced } = environment('http://127.0.0.1:7000/#/workers', {
      'hsu.token': 'old',
    });

    expect(takeToken(env)).toBe('old');
    expect(replaced).toEqual([]);
  });

  it('returns null when there is no token anywhere', () => {
    expect(takeToken(environment('http://127.0.0.1:7000/').env)).toBeNull();
  });
});
