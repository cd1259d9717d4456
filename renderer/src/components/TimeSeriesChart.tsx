// A live line chart over time. Animation is off: data moves every second and should just move.
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { timeTicks } from '../lib/chart-ticks.js';
import { formatTime } from '../lib/format.js';

export interface TimeSeriesChartProps<T extends { time: number }> {
  title: string;
  data: readonly T[];
  value: (point: T) => number | null;
  format: (value: number) => string;
  color: string;
  /** Round values for the value axis, from the largest value shown; recharts picks otherwise. */
  valueTicks?: (max: number) => number[];
  /** How the value axis labels its ticks; `format` when not given. */
  tickFormat?: (value: number) => string;
  /** False when nothing is measured now (no process): the caption shows no latest value. */
  current?: boolean;
}

export function TimeSeriesChart<T extends { time: number }>(props: TimeSeriesChartProps<T>) {
  const { title, data, value, format, color, valueTicks, tickFormat = format } = props;
  const current = props.current ?? true;
  const points = data.map((point) => ({ time: point.time, value: value(point) }));
  const latest = current ? points.at(-1)?.value : null;
  const ticks = valueTicks?.(points.reduce((max, p) => Math.max(max, p.value ?? 0), 0));
  const yTicks = ticks && ticks.length > 1 ? ticks : undefined;
  return (
    <figure className="chart" data-chart={title}>
      <figcaption>
        {title}
        <span className="chart-latest" title={current ? undefined : 'not running'}>
          {latest === null || latest === undefined ? '–' : format(latest)}
        </span>
      </figcaption>
      {points.length === 0 ? (
        <p className="chart-empty">No samples yet.</p>
      ) : (
        <div className="chart-body" role="img" aria-label={`${title} over time`}>
          <ResponsiveContainer width="100%" height={180}>
            <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
              <XAxis
                dataKey="time"
                type="number"
                domain={['dataMin', 'dataMax']}
                scale="time"
                ticks={timeTicks(points[0]?.time ?? 0, points.at(-1)?.time ?? 0)}
                tickFormatter={formatTime}
                stroke="var(--muted)"
                minTickGap={40}
              />
              <YAxis
                tickFormatter={tickFormat}
                ticks={yTicks}
                domain={yTicks ? [0, yTicks.at(-1) ?? 'auto'] : undefined}
                stroke="var(--muted)"
                width={72}
              />
              <Tooltip
                labelFormatter={(label) => formatTime(Number(label))}
                formatter={(v) => format(Number(v))}
                contentStyle={{ background: 'var(--surface)', borderColor: 'var(--border)' }}
              />
              <Line
                type="linear"
                dataKey="value"
                name={title}
                stroke={color}
                dot={false}
                isAnimationActive={false}
                connectNulls={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}
