// The workers as the event batches describe them, reduced to what the tray shows.
import type { EventBatch } from '../../shared/api-contract.js';
import type { WorkerState, WorkerSummary } from '../../shared/types.js';

const FAILED: readonly WorkerState[] = ['failed_start', 'degraded'];
/** States in which a worker has (or is about to have) something running to stop. */
const ACTIVE: readonly WorkerState[] = ['starting', 'running', 'stopping', 'backoff'];

export interface WorkerCounts {
  total: number;
  running: number;
  failed: number;
  active: number;
}

export class WorkerTally {
  private readonly workers = new Map<string, WorkerSummary>();

  apply(batch: EventBatch): void {
    if (batch.snapshot) {
      this.workers.clear();
      for (const worker of batch.snapshot.workers) this.workers.set(worker.id, worker);
    }
    for (const worker of batch.workers ?? []) this.workers.set(worker.id, worker);
    for (const id of batch.removed ?? []) this.workers.delete(id);
  }

  summaries(): WorkerSummary[] {
    return [...this.workers.values()];
  }

  counts(): WorkerCounts {
    const all = this.summaries();
    const count = (states: readonly WorkerState[]) =>
      all.filter((w) => states.includes(w.state)).length;
    return {
      total: all.length,
      running: count(['running']),
      failed: count(FAILED),
      active: count(ACTIVE),
    };
  }
}

export function describeCounts(counts: WorkerCounts): string {
  const failed = counts.failed > 0 ? `, ${counts.failed} failed` : '';
  return `${counts.running} of ${counts.total} running${failed}`;
}
