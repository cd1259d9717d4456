// Attributes handles left behind to the module that left them: counts of
// process.getActiveResourcesInfo() by type before a module starts and after it stops.
// The counts are the whole process's, so growth is attributed to a module reliably when no
// other module starts or stops between its mark() and check(). A thread module's handles
// live in its own thread, out of sight here, and are freed when the thread is terminated.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Logger } from 'pino';

export interface LeakedResource {
  /** A resource type as Node names it: TCPServerWrap, Timeout, FSReqCallback... */
  type: string;
  before: number;
  after: number;
}

export interface HandleLeakTrackerOptions {
  /** Growth of a type up to this many is tolerated; default 0, any growth counts. */
  threshold?: number;
  /** When given, a check that finds leaks logs them with the module in a field. */
  logger?: Logger;
}

export class HandleLeakTracker {
  private readonly marks = new Map<string, Record<string, number>>();
  private readonly threshold: number;
  private readonly logger: Logger | undefined;

  constructor(options: HandleLeakTrackerOptions = {}) {
    this.threshold = options.threshold ?? 0;
    this.logger = options.logger;
  }

  /** Live resources in the master by type. */
  counts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1;
    return counts;
  }

  /** Records the counts before `moduleId` starts. */
  mark(moduleId: string): void {
    this.marks.set(moduleId, this.counts());
  }

  /**
   * After `moduleId` has stopped: the resource types whose counts grew since its mark().
   * Forgets the mark; empty when there was none.
   */
  async check(moduleId: string): Promise<LeakedResource[]> {
    const before = this.marks.get(moduleId);
    if (!before) return [];
    this.marks.delete(moduleId);
    // A closed server or socket says so before Node releases its handle, which happens in
    // the close phase of the loop; two turns later every handle closed by then is gone.
    await nextTurn();
    await nextTurn();
    const after = this.counts();
    const leaked: LeakedResource[] = [];
    for (const [type, count] of Object.entries(after)) {
      const was = before[type] ?? 0;
      if (count - was > this.threshold) leaked.push({ type, before: was, after: count });
    }
    if (leaked.length > 0) {
      const summary = leaked.map((l) => `${l.type} +${l.after - l.before}`).join(', ');
      this.logger?.warn({ worker: moduleId, leaked }, `module left resources behind: ${summary}`);
    }
    return leaked;
  }

  /** Drops a mark without checking, as when a module failed to start. */
  forget(moduleId: string): void {
    this.marks.delete(moduleId);
  }
}
