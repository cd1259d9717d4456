import type { ResourceSample } from '../../../../shared/types.js';
import { ByteSeriesChart } from '../../components/ByteSeriesChart.js';
import { TimeSeriesChart } from '../../components/TimeSeriesChart.js';
import { percentTicks } from '../../lib/chart-ticks.js';

const percent = (value: number): string => `${value.toFixed(1)} %`;

/** `running` false: the samples are history, and the captions show no current figure. */
export function ResourceCharts({
  samples,
  running,
}: {
  samples: readonly ResourceSample[];
  running: boolean;
}) {
  return (
    <div className="chart-grid">
      <TimeSeriesChart
        title="CPU"
        data={samples}
        value={(s) => s.cpuPercent}
        format={percent}
        valueTicks={percentTicks}
        tickFormat={(value) => `${Number(value.toFixed(2))} %`}
        color="var(--chart-cpu)"
        current={running}
      />
      <ByteSeriesChart
        title="Memory"
        data={samples}
        value={(s) => s.memoryBytes}
        color="var(--chart-memory)"
        current={running}
      />
    </div>
  );
}
