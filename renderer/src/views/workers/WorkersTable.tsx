import { useRef } from 'react';
import { useWorkerIds } from '../../store/selectors.js';
import { useTableUi } from '../../store/table-ui.js';
import { SelectAllCheckbox } from './SelectAllCheckbox.js';
import { SHORTCUT_HELP_ID } from './ShortcutHelp.js';
import { WorkerRow } from './WorkerRow.js';
import { useTableKeyboard } from './use-table-keyboard.js';

const COLUMNS = ['ID', 'Type', 'State', 'PID', 'Uptime', 'Restarts', 'CPU', 'Memory', 'Health'];

export function WorkersTable() {
  const ids = useWorkerIds();
  const focusedId = useTableUi((s) => s.focusedId);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const onKeyDown = useTableKeyboard(bodyRef);
  const tabbableId = focusedId !== null && ids.includes(focusedId) ? focusedId : ids[0];
  return (
    <table className="workers-table" aria-label="Workers" aria-describedby={SHORTCUT_HELP_ID}>
      <thead>
        <tr>
          <th scope="col">
            <SelectAllCheckbox />
          </th>
          {COLUMNS.map((name) => (
            <th key={name} scope="col">
              {name}
            </th>
          ))}
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody ref={bodyRef} onKeyDown={onKeyDown}>
        {ids.map((id) => (
          <WorkerRow key={id} id={id} tabbable={id === tabbableId} />
        ))}
      </tbody>
    </table>
  );
}
