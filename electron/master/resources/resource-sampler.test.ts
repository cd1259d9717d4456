import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import pidtree from 'pidtree';
import pidusage from 'pidusage';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResourceSample } from '../../../shared/types.js';
import { measureProcesses } from './process-tree.js';
import { ResourceSampler } from './resource-sampler.js';

const logger = pino({ level: 'silent' });
const children: ChildProcess[] = [];
const samplers: ResourceSampler[] = [];

afterEach(async () => {
  for (const sampler of samplers.splice(0)) sampler.stop();
  for (const child of children.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    // The shell leads its own group; its sleeps go with it.
    process.kill(-(child.pid as number), 'SIGKILL');
    await once(child, 'exit');
  }
});

function startTree(): ChildProcess {
  const child = spawn('sh', ['-c', 'sleep 60 & sleep 60 & wait'], {
    detached: true,
    stdio: 'ignore',
  });
  children.push(child);
  return child;
}

function sampler(intervalMs = 100): ResourceSampler {
  const made = new ResourceSampler({ intervalMs, logger });
  samplers.push(made);
  return made;
}

async function waitFor(what: string, predicate: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('ResourceSampler', () => {
  it('measures a worker as the sum of its whole process tree', async () => {
    const child = startTree();
    const leader = child.pid as number;
    await waitFor('two children', async () => (await pidtree(leader)).length === 2);
    const tree = [leader, ...(await pidtree(leader))];
    const subject = sampler();
    const samples: ResourceSample[] = [];
    subject.on('sample', (workerId, sample) => {
      if (workerId === 'tree') samples.push(sample);
    });

    subject.track('tree', () => leader);
    subject.start();
    await waitFor('two samples', () => samples.length >= 2);
    const alone = await Promise.all(tree.map((pid) => pidusage(pid)));

    const sample = samples[samples.length - 1] as ResourceSample;
    const expected = alone.reduce((total, stat) => total + stat.memory, 0);
    expect(sample.processCount).toBe(3);
    // Resident sizes of idle sleeps barely move; a tree missing a process would be a third off.
    expect(sample.memoryBytes).toBeGreaterThan(expected * 0.9);
    expect(sample.memoryBytes).toBeLessThan(expected * 1.1);
    expect(sample.cpuPercent).toBeGreaterThanOrEqual(0);
  });

  it('samples several workers in one pass and skips a worker whose process is gone', async () => {
    const first = startTree();
    const second = startTree();
    const dead = spawn(process.execPath, ['-e', '']);
    await once(dead, 'exit');
    const subject = sampler();
    const seen = new Map<string, ResourceSample>();
    subject.on('sample', (workerId, sample) => seen.set(workerId, sample));

    subject.track('first', () => first.pid as number);
    subject.track('second', () => second.pid as number);
    subject.track('dead', () => dead.pid as number);
    subject.track('idle', () => null);
    subject.start();
    await waitFor('both trees complete', () => {
      return seen.get('first')?.processCount === 3 && seen.get('second')?.processCount === 3;
    });

    expect(seen.has('dead')).toBe(false);
    expect(seen.has('idle')).toBe(false);
  });

  it('stops ticking when nothing is tracked and starts again on track', async () => {
    const child = startTree();
    const subject = sampler(50);
    let count = 0;
    subject.on('sample', () => count++);

    subject.start();
    expect(subject.ticking).toBe(false);
    subject.track('tree', () => child.pid as number);
    expect(subject.ticking).toBe(true);
    await waitFor('a sample', () => count > 0);
    subject.untrack('tree');
    await waitFor('ticking to stop', () => !subject.ticking);
    const afterUntrack = count;
    subject.track('tree', () => child.pid as number);
    await waitFor('sampling to resume', () => count > afterUntrack);
    subject.stop();

    expect(subject.ticking).toBe(false);
  });
});

describe('measureProcesses', () => {
  it('leaves out pids that vanished, alone or among live ones', async () => {
    const dead = spawn(process.execPath, ['-e', '']);
    await once(dead, 'exit');
    const gone = dead.pid as number;

    const alone = await measureProcesses([gone]);
    const mixed = await measureProcesses([process.pid, gone]);

    expect(alone[gone]).toBeUndefined();
    expect(mixed[process.pid]?.memory).toBeGreaterThan(0);
    expect(mixed[gone]).toBeFalsy();
  });
});
