// Feeds the store from the client: every event batch in one update, and the connection status.
import type { ApiClient } from './api/client.js';
import { watchHealthChecks } from './store/health-checks.js';
import { usePanelStore } from './store/store.js';

export function connectStore(client: ApiClient): () => void {
  const store = usePanelStore.getState();
  store.setConnection(client.status());
  const stopStatus = client.onStatus((status) => usePanelStore.getState().setConnection(status));
  const stopBatches = client.subscribe((batch) => usePanelStore.getState().applyBatch(batch));
  const stopHealthChecks = watchHealthChecks(async () => {
    const file = await client.call('config.get');
    return file.text;
  });
  return () => {
    stopHealthChecks();
    stopBatches();
    stopStatus();
  };
}
