// Building blocks for the specs' temporary workers.yaml files. Workers run on this very Node,
// so they need nothing installed.
import { createServer } from 'node:net';

/** The running Node's path, quoted for YAML. */
export const NODE = JSON.stringify(process.execPath);

/** A YAML flow list of strings, each JSON-quoted (JSON strings are valid YAML). */
export function yamlList(items: readonly string[]): string {
  return `[${items.map((item) => JSON.stringify(item)).join(', ')}]`;
}

/** A port nobody listens on right now, for a worker that serves HTTP. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

/** Whether a process with this pid exists (signal 0 checks without touching it). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
