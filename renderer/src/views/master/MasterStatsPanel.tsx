// master.stats, fetched again every few seconds while the panel is open.
import type { MasterStats } from '../../../../shared/types.js';
import { getClient } from '../../api/client.js';
import { Notice } from '../../components/Notice.js';
import { formatBytes, formatDateTime, formatUptime } from '../../lib/format.js';
import { useApiQuery } from '../../lib/use-api-query.js';
import { useNow } from '../../lib/use-now.js';
import { useEpoch } from '../../store/selectors.js';
import { Field } from '../detail/Field.js';

const REFRESH_MS = 5000;

export function MasterStatsPanel() {
  const now = useNow();
  const epoch = useEpoch();
  const stats = useApiQuery<MasterStats>(
    `${epoch}:${Math.floor(now / REFRESH_MS)}`,
    () => getClient().call('master.stats'),
    true,
  );
  if (stats.status === 'loading') return <Notice kind="loading">Loading master figures…</Notice>;
  if (stats.status === 'error') {
    return <Notice kind="error">Could not load master figures: {stats.message}</Notice>;
  }
  const s = stats.value;
  const handles = Object.entries(s.activeHandles);
  return (
    <section className="panel" aria-labelledby="master-stats-heading">
      <h2 id="master-stats-heading">Master</h2>
      <dl className="fields">
        <Field name="pid" label="PID">
          {s.pid}
        </Field>
        <Field name="version" label="Version">
          {s.version}
        </Field>
        <Field name="startTime" label="Started">
          {formatDateTime(s.startTime)}
        </Field>
        <Field name="uptime" label="Uptime">
          {formatUptime(s.startTime, now)}
        </Field>
        <Field name="configPath" label="Configuration">
          <code>{s.configPath ?? '–'}</code>
        </Field>
        <Field name="workers" label="Workers">
          {s.workers.total} total, {s.workers.running} running, {s.workers.failed} failed
        </Field>
        <Field name="rss" label="Resident memory">
          {formatBytes(s.memory.rss)}
        </Field>
        <Field name="heap" label="Heap">
          {formatBytes(s.memory.heapUsed)} of {formatBytes(s.memory.heapTotal)}
        </Field>
        <Field name="external" label="External memory">
          {formatBytes(s.memory.external)}
        </Field>
        <Field name="activeHandles" label="Active handles">
          {handles.length === 0 ? '–' : handles.map(([kind, n]) => `${kind}: ${n}`).join(', ')}
        </Field>
        <Field name="nativeModules" label="Native modules">
          {s.nativeModules.length === 0 ? '–' : s.nativeModules.join(', ')}
        </Field>
      </dl>
    </section>
  );
}
