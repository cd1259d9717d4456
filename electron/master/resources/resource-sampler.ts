// One sampler for every process worker. Each pass reads the process table once, finds each
// worker's whole tree, and measures all of those pids in one batched pidusage call.
import { EventEmitter } from 'node:events';
import pidusage from 'pidusage';
import type { Logger } from 'pino';
import type { ResourceSample } from '../../../shared/types.js';
import { measureProcesses, ProcessTable, type Usage } from './process-tree.js';

export interface ResourceSamplerOptions {
  intervalMs: number;
  logger: Logger;
}

export interface ResourceSamplerEvents {
  /** One sample per tracked worker with a live process, every pass. */
  sample: [workerId: string, sample: ResourceSample];
}

export class ResourceSampler extends EventEmitter<ResourceSamplerEvents> {
  private readonly tracked = new Map<string, () => number | null>();
  private readonly intervalMs: number;
  private readonly logger: Logger;
  private started = false;
  private timer: NodeJS.Timeout | null = null;
  /** True from the moment a pass is scheduled until it ends and nothing follows it. */
  private active = false;
  /** Bumped by stop(), so a pass still in flight from before cannot start a second chain. */
  private generation = 0;

  constructor(options: ResourceSamplerOptions) {
    super();
    this.intervalMs = options.intervalMs;
    this.logger = options.logger;
  }

  /** Whether passes are being scheduled (started, and something is tracked). */
  get ticking(): boolean {
    return this.active;
  }

  track(workerId: string, pid: () => number | null): void {
    this.tracked.set(workerId, pid);
    this.wake();
  }

  untrack(workerId: string): void {
    this.tracked.delete(workerId);
  }

  start(): void {
    this.started = true;
    this.wake();
  }

  stop(): void {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.active = false;
    this.generation++;
    pidusage.clear();
  }

  /** Starts passes when they are wanted and none are scheduled. */
  private wake(): void {
    if (!this.started || this.active || this.tracked.size === 0) return;
    this.active = true;
    this.schedule(0);
  }

  private schedule(delayMs: number): void {
    const generation = this.generation;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.pass(generation);
    }, delayMs);
  }

  private async pass(generation: number): Promise<void> {
    const started = performance.now();
    try {
      await this.sampleAll(generation);
    } catch (error) {
      this.logger.warn({ err: error }, 'resource sampling failed');
    }
    if (generation !== this.generation) return;
    if (!this.started || this.tracked.size === 0) {
      this.active = false;
      return;
    }
    this.schedule(Math.max(0, this.intervalMs - (performance.now() - started)));
  }

  private async sampleAll(generation: number): Promise<void> {
    const leaders = new Map<string, number>();
    for (const [workerId, pid] of this.tracked) {
      const leader = pid();
      if (leader !== null) leaders.set(workerId, leader);
    }
    if (leaders.size === 0) return;

    const table = await ProcessTable.snapshot();
    const trees = new Map<string, number[]>();
    for (const [workerId, leader] of leaders) {
      const tree = table.treeOf(leader);
      if (tree.length > 0) trees.set(workerId, tree);
    }
    const pids = [...new Set([...trees.values()].flat())];
    if (pids.length === 0) return;

    const usage = await measureProcesses(pids);
    if (generation !== this.generation) return;
    const time = Date.now();
    for (const [workerId, tree] of trees) {
      // A worker untracked during the pass gets no sample.
      if (!this.tracked.has(workerId)) continue;
      const sample = sum(tree, usage, time);
      if (sample) this.emit('sample', workerId, sample);
    }
  }
}

function sum(tree: number[], usage: Usage, time: number): ResourceSample | null {
  let cpuPercent = 0;
  let memoryBytes = 0;
  let processCount = 0;
  for (const pid of tree) {
    const stat = usage[pid];
    if (!stat) continue;
    cpuPercent += stat.cpu;
    memoryBytes += stat.memory;
    processCount++;
  }
  if (processCount === 0) return null;
  return { time, cpuPercent: Math.round(cpuPercent * 10) / 10, memoryBytes, processCount };
}
