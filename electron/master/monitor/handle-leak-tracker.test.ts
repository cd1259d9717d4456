import { once } from 'node:events';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HandleLeakTracker } from './handle-leak-tracker.js';

const servers: net.Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

async function listen(): Promise<net.Server> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  return server;
}

describe('HandleLeakTracker', () => {
  it('names the resource types a module left behind', async () => {
    const tracker = new HandleLeakTracker();

    tracker.mark('leaky');
    // The "module" starts a server and stops without closing it.
    servers.push(await listen());
    const leaked = await tracker.check('leaky');

    expect(leaked).toContainEqual(expect.objectContaining({ type: 'TCPServerWrap' }));
    const server = leaked.find((l) => l.type === 'TCPServerWrap');
    expect((server?.after ?? 0) - (server?.before ?? 0)).toBe(1);
  });

  it('finds nothing when a module cleaned up after itself', async () => {
    const tracker = new HandleLeakTracker();

    tracker.mark('tidy');
    const server = await listen();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const leaked = await tracker.check('tidy');

    expect(leaked.map((l) => l.type)).not.toContain('TCPServerWrap');
  });

  it('blames no module for what was open before its mark; forgets a checked mark', async () => {
    const tracker = new HandleLeakTracker();
    const before = tracker.counts().TCPServerWrap ?? 0;
    servers.push(await listen());

    tracker.mark('once');
    const first = await tracker.check('once');
    const second = await tracker.check('once');

    expect(tracker.counts().TCPServerWrap).toBe(before + 1);
    expect(first.map((l) => l.type)).not.toContain('TCPServerWrap');
    expect(second).toEqual([]);
  });
});
