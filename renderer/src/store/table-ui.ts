// What the operator is doing in the workers table: selection, the focused row, actions in flight
// and failed actions. Rows subscribe to their own entries only.
import { create } from 'zustand';
import type { WorkerAction } from '../lib/worker-actions.js';

export interface TableUiState {
  selected: Record<string, true>;
  focusedId: string | null;
  busy: Record<string, WorkerAction>;
  errors: Record<string, string>;
  toggleSelected: (id: string) => void;
  setAllSelected: (ids: readonly string[], selected: boolean) => void;
  focus: (id: string | null) => void;
  setBusy: (id: string, action: WorkerAction | null) => void;
  setError: (id: string, message: string | null) => void;
}

function without<T>(record: Record<string, T>, id: string): Record<string, T> {
  if (!(id in record)) return record;
  const next = { ...record };
  delete next[id];
  return next;
}

export const useTableUi = create<TableUiState>()((set) => ({
  selected: {},
  focusedId: null,
  busy: {},
  errors: {},
  toggleSelected: (id) =>
    set((s) => ({
      selected: s.selected[id] ? without(s.selected, id) : { ...s.selected, [id]: true },
    })),
  setAllSelected: (ids, selected) =>
    set(() => ({
      selected: selected ? Object.fromEntries(ids.map((id) => [id, true as const])) : {},
    })),
  focus: (focusedId) => set({ focusedId }),
  setBusy: (id, action) =>
    set((s) => ({ busy: action ? { ...s.busy, [id]: action } : without(s.busy, id) })),
  setError: (id, message) =>
    set((s) => ({ errors: message ? { ...s.errors, [id]: message } : without(s.errors, id) })),
}));
