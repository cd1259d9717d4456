// Keyboard use of the workers table: arrows move the focused row, s / x / r act on the selected
// rows (or the focused one), Enter opens the focused worker, Space selects it.
import { useCallback, type KeyboardEvent, type RefObject } from 'react';
import { routeHref } from '../../lib/route.js';
import { runOnTargets } from '../../lib/run-worker-action.js';
import type { WorkerAction } from '../../lib/worker-actions.js';
import { usePanelStore } from '../../store/store.js';
import { useTableUi } from '../../store/table-ui.js';

const SHORTCUTS: Record<string, WorkerAction> = { s: 'start', x: 'stop', r: 'restart' };

function isTextField(target: EventTarget): boolean {
  return (
    (target instanceof HTMLInputElement && target.type !== 'checkbox') ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

function focusRow(body: HTMLElement | null, id: string | undefined): void {
  if (!body || id === undefined) return;
  body.querySelector<HTMLElement>(`tr[data-worker-id="${CSS.escape(id)}"]`)?.focus();
}

export function useTableKeyboard(
  bodyRef: RefObject<HTMLTableSectionElement | null>,
): (event: KeyboardEvent<HTMLTableSectionElement>) => void {
  return useCallback(
    (event) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTextField(event.target)) return;
      const ids = usePanelStore.getState().workerIds;
      const { focusedId, toggleSelected } = useTableUi.getState();
      const index = focusedId === null ? -1 : ids.indexOf(focusedId);
      const onRow = event.target instanceof HTMLTableRowElement;
      let handled = true;
      switch (event.key) {
        case 'ArrowDown':
          focusRow(bodyRef.current, ids[Math.min(ids.length - 1, index + 1)]);
          break;
        case 'ArrowUp':
          focusRow(bodyRef.current, ids[Math.max(0, index - 1)]);
          break;
        case 'Home':
          focusRow(bodyRef.current, ids[0]);
          break;
        case 'End':
          focusRow(bodyRef.current, ids.at(-1));
          break;
        case 'Enter':
          if (onRow && focusedId !== null)
            window.location.hash = routeHref({ view: 'worker', id: focusedId });
          else handled = false;
          break;
        case ' ':
          if (onRow && focusedId !== null) toggleSelected(focusedId);
          else handled = false;
          break;
        default: {
          const action = SHORTCUTS[event.key];
          if (action && !event.shiftKey) void runOnTargets(action);
          else handled = false;
        }
      }
      if (handled) event.preventDefault();
    },
    [bodyRef],
  );
}
