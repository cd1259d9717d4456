// Helpers shared by the health-check tests: per-test cleanups and a real HTTP server to probe.
import { once } from 'node:events';
import http from 'node:http';
import type net from 'node:net';
import { afterEach } from 'vitest';

export type Cleanup = () => Promise<void> | void;

/** A list a test pushes cleanups on; after each test they run, newest first. */
export function cleanupAfterEach(): Cleanup[] {
  const cleanups: Cleanup[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return cleanups;
}

/** Serves `handler` on a free port of 127.0.0.1 until cleanup; resolves to its base URL. */
export async function serveHttp(
  handler: http.RequestListener,
  cleanups: Cleanup[],
): Promise<string> {
  const server = http.createServer(handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
}
