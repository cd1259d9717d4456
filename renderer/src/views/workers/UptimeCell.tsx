import { formatUptime } from '../../lib/format.js';
import { useNow } from '../../lib/use-now.js';

/** Ticks on its own, so the row around it re-renders only when its worker changes. */
export function UptimeCell({ startTime }: { startTime: number | null }) {
  const now = useNow();
  return (
    <td className="num" data-column="uptime">
      {formatUptime(startTime, now)}
    </td>
  );
}
