// Loads what the detail view needs when it opens (and again after a reconnect); from then on
// the event batches keep the store, and so the view, current.
import type { WorkerDiagnostics } from '../../../../shared/types.js';
import { getClient } from '../../api/client.js';
import { useApiQuery, type Query } from '../../lib/use-api-query.js';
import { useEpoch, useWorker } from '../../store/selectors.js';
import { usePanelStore } from '../../store/store.js';

export const LOG_TAIL = 1000;

async function loadHistory(id: string): Promise<true> {
  const client = getClient();
  const [logs, health, metrics] = await Promise.all([
    client.call('workers.logs', { id, tail: LOG_TAIL }),
    client.call('workers.health', { id }),
    client.call('workers.metrics', { id }),
  ]);
  usePanelStore.getState().seedWorkerHistory(id, { logs, health, metrics });
  return true;
}

async function loadDiagnostics(id: string): Promise<WorkerDiagnostics> {
  const diagnostics = await getClient().call('workers.get', { id });
  usePanelStore.getState().seedWorkerHistory(id, { transitions: diagnostics.transitions });
  return diagnostics;
}

export interface WorkerDetail {
  history: Query<true>;
  diagnostics: Query<WorkerDiagnostics>;
}

/** Mount once per worker id (key the component by it): results are kept across refreshes. */
export function useWorkerDetail(id: string): WorkerDetail {
  const epoch = useEpoch();
  const summary = useWorker(id);
  const history = useApiQuery(`${id}:${epoch}`, () => loadHistory(id));
  // Fields such as lastExit and retryCount change with the state; fetch them again then.
  const diagnostics = useApiQuery(
    `${id}:${epoch}:${summary?.state}:${summary?.restarts}`,
    () => loadDiagnostics(id),
    true,
  );
  return { history, diagnostics };
}
