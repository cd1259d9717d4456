// Who is whose parent, for every process on the machine, read in one pass. On Linux that is a
// read of /proc (no child process); elsewhere one `ps` through pidtree. Callers that ask while
// a reading is under way (a hundred workers stopping together) share it; a later caller gets a
// fresh one, so a process started a moment ago is never missed.
import { readdir, readFile } from 'node:fs/promises';
import pidtree from 'pidtree';

export interface ParentLink {
  pid: number;
  ppid: number;
}

let inFlight: Promise<ParentLink[]> | null = null;

async function readProc(): Promise<ParentLink[]> {
  const entries = await readdir('/proc');
  const links = await Promise.all(
    entries
      .filter((name) => /^\d+$/.test(name))
      .map(async (name): Promise<ParentLink | null> => {
        try {
          const stat = await readFile(`/proc/${name}/stat`, 'latin1');
          // The command name in parentheses may itself hold spaces and parentheses.
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          return { pid: Number(name), ppid: Number(fields[1]) };
        } catch {
          return null; // gone while reading
        }
      }),
  );
  return links.filter((link): link is ParentLink => link !== null);
}

async function readLinks(): Promise<ParentLink[]> {
  if (process.platform === 'linux') {
    try {
      return await readProc();
    } catch {
      // /proc not mounted: fall through to ps.
    }
  }
  return pidtree(-1, { advanced: true });
}

export function readParentLinks(): Promise<ParentLink[]> {
  if (!inFlight) {
    const reading = readLinks();
    inFlight = reading;
    const clear = () => {
      if (inFlight === reading) inFlight = null;
    };
    reading.then(clear, clear);
  }
  return inFlight;
}

export class ProcessTable {
  private constructor(
    private readonly present: Set<number>,
    private readonly children: Map<number, number[]>,
  ) {}

  static async snapshot(): Promise<ProcessTable> {
    const present = new Set<number>();
    const children = new Map<number, number[]>();
    for (const { pid, ppid } of await readParentLinks()) {
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
        // A pid reused mid-reading could otherwise make a cycle.
        if (seen.has(child)) continue;
        seen.add(child);
        tree.push(child);
      }
    }
    return tree;
  }
}
