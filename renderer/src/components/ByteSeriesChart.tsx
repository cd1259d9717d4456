import { byteTicks, formatByteTick } from '../lib/chart-ticks.js';
import { formatBytes } from '../lib/format.js';
import { TimeSeriesChart, type TimeSeriesChartProps } from './TimeSeriesChart.js';

type ByteSeriesChartProps<T extends { time: number }> = Omit<
  TimeSeriesChartProps<T>,
  'format' | 'valueTicks' | 'tickFormat'
>;

/** A time series of byte counts: sizes in the caption and tooltip, round sizes on the axis. */
export function ByteSeriesChart<T extends { time: number }>(props: ByteSeriesChartProps<T>) {
  return (
    <TimeSeriesChart
      {...props}
      format={formatBytes}
      valueTicks={byteTicks}
      tickFormat={formatByteTick}
    />
  );
}
