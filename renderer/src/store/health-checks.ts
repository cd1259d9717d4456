// Which workers have a health check, from workers.yaml as saved: read again after a reconnect,
// when the file changes on disk, and when workers come or go (an apply).
import { create } from 'zustand';
import { healthCheckedIds } from '../lib/health-checked.js';
import type { PanelData } from './panel-data.js';
import { usePanelStore } from './store.js';

interface HealthChecksState {
  /** Null until the file has been read, or when it could not be. */
  ids: ReadonlySet<string> | null;
}

export const useHealthChecks = create<HealthChecksState>()(() => ({ ids: null }));

/** Whether the worker has a health check; null when that is not known. */
export const useHasHealthCheck = (id: string): boolean | null =>
  useHealthChecks((s) => (s.ids === null ? null : s.ids.has(id)));

function refreshKey(data: PanelData): string | null {
  if (data.master === null) return null;
  return `${data.epoch}:${data.config?.mtimeMs ?? ''}:${data.workerIds.join('\n')}`;
}

/** Keeps useHealthChecks current; `readConfig` returns the text of workers.yaml. */
export function watchHealthChecks(readConfig: () => Promise<string>): () => void {
  let key: string | null = null;
  let generation = 0;
  const refresh = (data: PanelData): void => {
    const next = refreshKey(data);
    if (next === null || next === key) return;
    key = next;
    const mine = ++generation;
    const settle = (ids: ReadonlySet<string> | null): void => {
      if (mine === generation) useHealthChecks.setState({ ids });
    };
    readConfig().then(
      (text) => settle(healthCheckedIds(text)),
      () => settle(null),
    );
  };
  refresh(usePanelStore.getState());
  return usePanelStore.subscribe(refresh);
}
