// Hooks that read one slice each, so a component re-renders only when its slice changes.
import type { Alert, WorkerSummary } from '../../../shared/types.js';
import { usePanelStore } from './store.js';

export const useWorkerIds = (): string[] => usePanelStore((s) => s.workerIds);

/** One worker's summary; a table row re-renders only when this object is replaced. */
export const useWorker = (id: string): WorkerSummary | undefined =>
  usePanelStore((s) => s.workers[id]);

export const useHasSnapshot = (): boolean => usePanelStore((s) => s.master !== null);

export const useAlerts = (): Alert[] => usePanelStore((s) => s.alerts);

export const useUnacknowledgedCount = (): number =>
  usePanelStore((s) => s.alerts.reduce((n, alert) => (alert.acknowledged ? n : n + 1), 0));

export const useEpoch = (): number => usePanelStore((s) => s.epoch);
