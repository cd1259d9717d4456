// The process table and process figures, each read once per sampling pass however many
// workers there are: one `ps` for every tree, one batched pidusage call for every pid.
import pidtree from 'pidtree';
import pidusage from 'pidusage';

/** pidusage figures by pid; a pid that vanished has no entry. */
export type Usage = Record<number, pidusage.Status | undefined>;

export class ProcessTable {
  private constructor(
    private readonly present: Set<number>,
    private readonly children: Map<number, number[]>,
  ) {}

  static async snapshot(): Promise<ProcessTable> {
    const rows = await pidtree(-1, { advanced: true });
    const present = new Set<number>();
    const children = new Map<number, number[]>();
    for (const { pid, ppid } of rows) {
      present.add(pid);
      const siblings = children.get(ppid);
      if (siblings) siblings.push(pid);
      else children.set(ppid, [pid]);
    }
    return new ProcessTable(present, children);
  }

  /** The leader and all its descendants, leader first; empty when the leader is gone. */
  treeOf(leader: number): number[] {
    if (!this.present.has(leader)) return [];
    const tree = [leader];
    const seen = new Set(tree);
    for (let i = 0; i < tree.length; i++) {
      for (const child of this.children.get(tree[i] as number) ?? []) {
        // A pid reused mid-snapshot could otherwise make a cycle.
        if (seen.has(child)) continue;
        seen.add(child);
        tree.push(child);
      }
    }
    return tree;
  }
}

/**
 * Measures all `pids` in one pidusage call. pidusage takes a list leniently (a vanished pid
 * simply has no entry) but rejects when a lone pid has vanished or the batch fails outright;
 * only then is each pid asked alone.
 */
export async function measureProcesses(pids: number[]): Promise<Usage> {
  if (pids.length === 0) return {};
  try {
    return await pidusage(pids);
  } catch {
    const usage: Usage = {};
    await Promise.all(
      pids.map(async (pid) => {
        usage[pid] = await pidusage(pid).catch(() => undefined);
      }),
    );
    return usage;
  }
}
