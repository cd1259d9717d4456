import { memo } from 'react';
import { HealthBadge } from '../../components/HealthBadge.js';
import { StateBadge } from '../../components/StateBadge.js';
import { formatBytes, formatPercent } from '../../lib/format.js';
import { routeHref } from '../../lib/route.js';
import { useHasHealthCheck } from '../../store/health-checks.js';
import { useWorker } from '../../store/selectors.js';
import { useTableUi } from '../../store/table-ui.js';
import { RowActions } from './RowActions.js';
import { UptimeCell } from './UptimeCell.js';

/**
 * One worker; it subscribes to that worker alone, so other workers' events leave it be.
 * The table makes one row at a time reachable with Tab (`tabbable`); arrows move between rows.
 */
export const WorkerRow = memo(function WorkerRow({
  id,
  tabbable,
}: {
  id: string;
  tabbable: boolean;
}) {
  const worker = useWorker(id);
  const checked = useHasHealthCheck(id);
  const selected = useTableUi((s) => s.selected[id] === true);
  const busy = useTableUi((s) => s.busy[id]);
  const error = useTableUi((s) => s.errors[id]);
  const toggleSelected = useTableUi((s) => s.toggleSelected);
  const focus = useTableUi((s) => s.focus);
  if (!worker) return null;
  return (
    <tr
      data-worker-id={id}
      data-selected={selected}
      className={selected ? 'selected' : undefined}
      tabIndex={tabbable ? 0 : -1}
      onFocus={() => focus(id)}
    >
      <td>
        <input
          type="checkbox"
          aria-label={`Select ${id}`}
          checked={selected}
          onChange={() => toggleSelected(id)}
        />
      </td>
      <th scope="row">
        <a href={routeHref({ view: 'worker', id })}>{id}</a>
      </th>
      <td>{worker.type}</td>
      <td data-state={worker.state}>
        <StateBadge state={worker.state} />
      </td>
      <td className="num" data-column="pid">
        {worker.pid ?? '–'}
      </td>
      <UptimeCell startTime={worker.startTime} />
      <td className="num" data-column="restarts">
        {worker.restarts}
      </td>
      <td className="num" data-column="cpu">
        {formatPercent(worker.cpu)}
      </td>
      <td className="num" data-column="memory">
        {formatBytes(worker.memory)}
      </td>
      <td data-column="health">
        <HealthBadge status={worker.health} checked={checked} />
      </td>
      <td>
        <RowActions id={id} state={worker.state} busy={busy} />
        {error ? (
          <p className="row-error" role="alert">
            {error}
          </p>
        ) : null}
      </td>
    </tr>
  );
});
