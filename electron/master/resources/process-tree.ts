// The process table and process figures, each read once per sampling pass however many
// workers there are: one process-table reading for every tree, one batched pidusage call.
import pidusage from 'pidusage';

/** pidusage figures by pid; a pid that vanished has no entry. */
export type Usage = Record<number, pidusage.Status | undefined>;

export { ProcessTable } from '../process/process-table.js';

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
