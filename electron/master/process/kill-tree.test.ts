import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { isProcessAlive, killProcessTree, listDescendants, waitForGone } from './kill-tree.js';
import { eventually, isGone } from './test-helpers.js';

const started: number[] = [];
afterEach(() => {
  for (const pid of started.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

/** A shell with two sleeping children, one of them in a session of its own. */
async function startTree(): Promise<{ shell: ChildProcess; pids: number[] }> {
  const shell = spawn('sh', ['-c', 'sleep 300 & setsid sleep 301 & wait'], { stdio: 'ignore' });
  await once(shell, 'spawn');
  const pid = shell.pid as number;
  started.push(pid);
  let children: number[] = [];
  const grown = await eventually(async () => (children = await listDescendants(pid)).length >= 2);
  expect(grown).toBe(true);
  started.push(...children);
  return { shell, pids: [pid, ...children] };
}

describe('kill-tree', () => {
  it('sees this process alive and a finished one gone', async () => {
    const child = spawn('sh', ['-c', 'exit 0'], { stdio: 'ignore' });
    await once(child, 'exit');

    expect(isProcessAlive(process.pid)).toBe(true);
    expect(isProcessAlive(child.pid as number)).toBe(false);
  });

  it('kills a process with all its descendants, also one outside its group', async () => {
    const { shell, pids } = await startTree();
    const exit = once(shell, 'exit');

    const descendants = await killProcessTree(shell.pid as number);
    await exit;

    expect(descendants.sort()).toEqual(pids.slice(1).sort());
    expect(await waitForGone(pids, 10_000)).toEqual([]);
    expect(pids.filter((pid) => !isGone(pid))).toEqual([]);
  });

  it('reports what is still alive when the wait runs out', async () => {
    const { pids } = await startTree();

    expect(await waitForGone(pids, 50)).toEqual(pids);
  });
});
