// Health-check latency over time; failed checks are drawn as red dots.
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { HealthCheckResult } from '../../../../shared/types.js';
import { timeTicks } from '../../lib/chart-ticks.js';
import { formatTime } from '../../lib/format.js';

interface DotProps {
  cx?: number;
  cy?: number;
  payload?: HealthCheckResult;
}

function HealthDot({ cx, cy, payload }: DotProps) {
  if (cx === undefined || cy === undefined || !payload) return <g />;
  return payload.ok ? (
    <circle cx={cx} cy={cy} r={2} className="health-dot-ok" />
  ) : (
    <circle cx={cx} cy={cy} r={5} className="health-dot-failed" data-failed="true" />
  );
}

/** `checked` false: the worker has no health check, and the chart says so. */
export function HealthChart({
  history,
  checked = null,
}: {
  history: readonly HealthCheckResult[];
  checked?: boolean | null;
}) {
  const failures = history.filter((r) => !r.ok).length;
  const chartLabel =
    'Health check latency over time; ' + `${failures} of ${history.length} checks failed`;
  const last = history.at(-1);
  return (
    <figure className="chart" data-chart="health">
      <figcaption>
        Health checks
        <span className="chart-latest">
          {history.length} checks,{' '}
          <span className={failures > 0 ? 'text-danger' : undefined}>{failures} failed</span>
        </span>
      </figcaption>
      {history.length === 0 ? (
        <p className="chart-empty">
          {checked === false ? 'This worker has no health check.' : 'No health checks yet.'}
        </p>
      ) : (
        <div className="chart-body" role="img" aria-label={chartLabel}>
          <ResponsiveContainer width="100%" height={180}>
            <LineChart data={[...history]} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
              <XAxis
                dataKey="time"
                type="number"
                domain={['dataMin', 'dataMax']}
                scale="time"
                ticks={timeTicks(history[0]?.time ?? 0, last?.time ?? 0)}
                tickFormatter={formatTime}
                stroke="var(--muted)"
                minTickGap={40}
              />
              <YAxis dataKey="latencyMs" unit=" ms" stroke="var(--muted)" width={72} />
              <Tooltip
                labelFormatter={(label) => formatTime(Number(label))}
                formatter={(value) => `${Number(value).toFixed(0)} ms`}
                contentStyle={{ background: 'var(--surface)', borderColor: 'var(--border)' }}
              />
              <Line
                type="linear"
                dataKey="latencyMs"
                name="latency"
                stroke="var(--accent)"
                isAnimationActive={false}
                dot={(props: DotProps & { index?: number }) => (
                  <HealthDot key={props.index} {...props} />
                )}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
      {last ? (
        <p className="chart-note">
          Last check {formatTime(last.time)}: {last.ok ? 'passed' : 'failed'}
          {last.message ? ` (${last.message})` : ''}
        </p>
      ) : null}
    </figure>
  );
}
