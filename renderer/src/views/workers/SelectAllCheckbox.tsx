import { useEffect, useRef } from 'react';
import { useWorkerIds } from '../../store/selectors.js';
import { useTableUi } from '../../store/table-ui.js';

export function SelectAllCheckbox() {
  const ids = useWorkerIds();
  const count = useTableUi((s) => ids.filter((id) => s.selected[id]).length);
  const setAllSelected = useTableUi((s) => s.setAllSelected);
  const ref = useRef<HTMLInputElement>(null);
  const all = ids.length > 0 && count === ids.length;
  useEffect(() => {
    // Only the DOM property can show the mixed state.
    if (ref.current) ref.current.indeterminate = count > 0 && !all;
  }, [count, all]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label="Select all workers"
      checked={all}
      onChange={() => setAllSelected(ids, !all)}
    />
  );
}
