import type { ExitInfo, ResourceSample, WorkerDiagnostics } from '../../../../shared/types.js';
import { HealthBadge } from '../../components/HealthBadge.js';
import { StateBadge } from '../../components/StateBadge.js';
import { formatBytes, formatDateTime, formatDuration, formatPercent } from '../../lib/format.js';
import { useHasHealthCheck } from '../../store/health-checks.js';
import { Field } from './Field.js';

const RESTARTS_HINT =
  'Restarts of this worker, by the policy or an operator; ' +
  'one by the policy counts when it happens, after its back-off';
const RETRY_COUNT_HINT =
  'Crashes in a row the restart policy has answered; back to 0 after restart.reset_after ' +
  'of running, and at restart.max_retries the policy gives up';

function describeUsage(usage: ResourceSample): string {
  const processes = `${usage.processCount} process${usage.processCount === 1 ? '' : 'es'}`;
  return `${formatPercent(usage.cpuPercent)} CPU, ${formatBytes(usage.memoryBytes)}, ${processes}`;
}

function describeExit(exit: ExitInfo): string {
  const how = exit.signal ? `signal ${exit.signal}` : `code ${exit.code ?? '–'}`;
  return `${formatDateTime(exit.time)}: ${how} after ${formatDuration(exit.uptimeMs)}`;
}

/** Every diagnostics field; the charts and the timeline show the histories. */
export function DiagnosticsPanel({ diagnostics: d }: { diagnostics: WorkerDiagnostics }) {
  const usage = d.resourceUsage;
  const checked = useHasHealthCheck(d.id);
  const exit = d.lastExit;
  return (
    <section className="panel" aria-labelledby="diagnostics-heading">
      <h2 id="diagnostics-heading">Diagnostics</h2>
      <dl className="fields">
        <Field name="id" label="ID">
          {d.id}
        </Field>
        <Field name="type" label="Type">
          {d.type}
        </Field>
        <Field name="state" label="State">
          <StateBadge state={d.state} />
        </Field>
        <Field name="enabled" label="Enabled">
          {d.enabled ? 'yes' : 'no'}
        </Field>
        <Field name="processId" label="Process ID">
          {d.processId ?? '–'}
        </Field>
        <Field name="startTime" label="Started">
          {formatDateTime(d.startTime)}
        </Field>
        <Field name="executablePath" label="Executable">
          <code>{d.executablePath || '–'}</code>
        </Field>
        <Field name="executableExists" label="Executable found">
          {d.executableExists ? 'yes' : <span className="text-danger">no</span>}
        </Field>
        <Field name="healthStatus" label="Health">
          <HealthBadge status={d.healthStatus} checked={checked} />
        </Field>
        <Field name="restarts" label="Restarts (total)" hint={RESTARTS_HINT}>
          {d.restarts}
        </Field>
        <Field name="retryCount" label="Retries in a row (of max_retries)" hint={RETRY_COUNT_HINT}>
          {d.retryCount}
        </Field>
        <Field name="nextRestartAt" label="Next restart">
          {formatDateTime(d.nextRestartAt)}
        </Field>
        <Field name="resourceUsage" label="Resources">
          {usage ? describeUsage(usage) : '–'}
        </Field>
        <Field name="lastExit" label="Last exit">
          {exit ? describeExit(exit) : '–'}
        </Field>
        <Field name="lastError" label="Last error">
          {d.lastError ? <span className="text-danger">{d.lastError}</span> : '–'}
        </Field>
      </dl>
    </section>
  );
}
