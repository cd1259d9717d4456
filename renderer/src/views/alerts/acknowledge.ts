import { getClient } from '../../api/client.js';
import { usePanelStore } from '../../store/store.js';

/** Acknowledges alerts at the master, then marks them here without waiting for the event. */
export async function acknowledge(target: { id: string } | { all: true }): Promise<void> {
  await getClient().call('alerts.ack', target);
  usePanelStore.getState().acknowledgeAlerts('id' in target ? [target.id] : 'all');
}
