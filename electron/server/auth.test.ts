import { describe, expect, it } from 'vitest';
import {
  generateToken,
  isAllowedHost,
  isAllowedOrigin,
  protocolToken,
  tokenMatches,
} from './auth.js';

describe('auth', () => {
  it('generates long url-safe tokens that differ', () => {
    const a = generateToken();

    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateToken()).not.toBe(a);
  });

  it('matches only the exact token', () => {
    expect(tokenMatches('s3cret', 's3cret')).toBe(true);
    expect(tokenMatches('s3cret', 's3cre')).toBe(false);
    expect(tokenMatches('s3cret', 's3cret ')).toBe(false);
    expect(tokenMatches('s3cret', null)).toBe(false);
  });

  it('accepts loopback names and the bound host with our port only', () => {
    const policy = { host: '127.0.0.1', port: 4321 };

    for (const host of ['127.0.0.1:4321', 'localhost:4321', 'LOCALHOST:4321', '[::1]:4321']) {
      expect([host, isAllowedHost(host, policy)]).toEqual([host, true]);
    }
    for (const host of [
      'evil.example:4321',
      '127.0.0.1:80',
      '127.0.0.1',
      '127.0.0.1.nip.io:4321',
    ]) {
      expect([host, isAllowedHost(host, policy)]).toEqual([host, false]);
    }
    expect(isAllowedHost(undefined, policy)).toBe(false);
    expect(isAllowedHost('panel.lan:4321', { host: 'panel.lan', port: 4321 })).toBe(true);
  });

  it('accepts a missing Origin or our own, nothing else', () => {
    expect(isAllowedOrigin(undefined, '127.0.0.1:4321')).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:4321', '127.0.0.1:4321')).toBe(true);
    expect(isAllowedOrigin('http://localhost:4321', '127.0.0.1:4321')).toBe(false);
    expect(isAllowedOrigin('null', '127.0.0.1:4321')).toBe(false);
  });

  it('reads the token from the subprotocol list', () => {
    expect(protocolToken({ 'sec-websocket-protocol': 'hsu.v1, hsu.token.abc' })).toBe('abc');
    expect(protocolToken({ 'sec-websocket-protocol': 'hsu.v1' })).toBeNull();
  });
});
