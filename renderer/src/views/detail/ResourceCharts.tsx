import type { ResourceSample } from '../../../../shared/types.js';
import { TimeSeriesChart } from '../../components/TimeSeriesChart.js';
import { formatBytes } from '../../lib/format.js';

const percent = (value: number): string => `${value.toFixed(1)} %`;

export function ResourceCharts({ samples }: { samples: readonly ResourceSample[] }) {
  return (
    <div className="chart-grid">
      <TimeSeriesChart
        title="CPU"
        data={samples}
        value={(s) => s.cpuPercent}
        format={percent}
        color="var(--chart-cpu)"
      />
      <TimeSeriesChart
        title="Memory"
        data={samples}
        value={(s) => s.memoryBytes}
        format={formatBytes}
        color="var(--chart-memory)"
      />
    </div>
  );
}
