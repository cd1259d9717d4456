// The panel's store: PanelData fed by the client's event batches, plus the connection status.
import { create } from 'zustand';
import type { EventBatch } from '../../../shared/api-contract.js';
import type { WorkerSummary } from '../../../shared/types.js';
import type { ConnectionStatus } from '../api/client.js';
import { EMPTY_PANEL, type PanelData } from './panel-data.js';
import {
  acknowledgeAlerts,
  applyBatch,
  seedWorkerHistory,
  upsertWorkers,
  type WorkerHistory,
} from './reducers.js';

export interface PanelState extends PanelData {
  connection: ConnectionStatus;
  applyBatch: (batch: EventBatch) => void;
  upsertWorker: (summary: WorkerSummary) => void;
  seedWorkerHistory: (id: string, history: WorkerHistory) => void;
  acknowledgeAlerts: (ids: readonly string[] | 'all') => void;
  setConnection: (status: ConnectionStatus) => void;
}

export const usePanelStore = create<PanelState>()((set) => ({
  ...EMPTY_PANEL,
  connection: { state: 'connecting' },
  applyBatch: (batch) => set((state) => applyBatch(state, batch)),
  upsertWorker: (summary) => set((state) => upsertWorkers(state, [summary])),
  seedWorkerHistory: (id, history) => set((state) => seedWorkerHistory(state, id, history)),
  acknowledgeAlerts: (ids) => set((state) => acknowledgeAlerts(state, ids)),
  setConnection: (connection) => set({ connection }),
}));
