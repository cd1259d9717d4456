import { Notice } from '../../components/Notice.js';
import { StateBadge } from '../../components/StateBadge.js';
import { liveDiagnostics } from '../../lib/live-diagnostics.js';
import { useHasHealthCheck } from '../../store/health-checks.js';
import { useHasSnapshot, useWorker } from '../../store/selectors.js';
import { usePanelStore } from '../../store/store.js';
import { useTableUi } from '../../store/table-ui.js';
import { RowActions } from '../workers/RowActions.js';
import { DiagnosticsPanel } from './DiagnosticsPanel.js';
import { HealthChart } from './HealthChart.js';
import { LogViewer } from './LogViewer.js';
import { ModuleDiagnosticsPanel } from './ModuleDiagnosticsPanel.js';
import { ResourceCharts } from './ResourceCharts.js';
import { TransitionTimeline } from './TransitionTimeline.js';
import { useWorkerDetail } from './use-worker-detail.js';

const NO_SAMPLES: never[] = [];

export function WorkerDetailView({ id }: { id: string }) {
  const loaded = useHasSnapshot();
  const summary = useWorker(id);
  const metrics = usePanelStore((s) => s.metrics[id]);
  const health = usePanelStore((s) => s.health[id]);
  const transitions = usePanelStore((s) => s.transitions[id]);
  const checked = useHasHealthCheck(id);
  const busy = useTableUi((s) => s.busy[id]);
  const actionError = useTableUi((s) => s.errors[id]);
  const { history, diagnostics } = useWorkerDetail(id);

  if (!loaded) return <Notice kind="loading">Loading {id}…</Notice>;
  if (!summary) return <Notice kind="empty">There is no worker named “{id}”.</Notice>;
  const diag =
    diagnostics.status === 'ok'
      ? liveDiagnostics(diagnostics.value, { summary, metrics, health, transitions })
      : null;

  return (
    <section
      className="view worker-detail"
      data-worker-detail={id}
      aria-labelledby="detail-heading"
    >
      <p>
        <a href="#/workers">← Workers</a>
      </p>
      <header className="detail-header">
        <h1 id="detail-heading">{id}</h1>
        <span data-state={summary.state}>
          <StateBadge state={summary.state} />
        </span>
        <RowActions id={id} state={summary.state} busy={busy} />
      </header>
      {actionError ? (
        <p className="row-error" role="alert">
          {actionError}
        </p>
      ) : null}
      {history.status === 'error' ? (
        <Notice kind="error">
          Could not load the history of {id}: {history.message}
        </Notice>
      ) : null}
      {diagnostics.status === 'error' ? (
        <Notice kind="error">Could not load diagnostics: {diagnostics.message}</Notice>
      ) : diag === null ? (
        <Notice kind="loading">Loading diagnostics…</Notice>
      ) : (
        <DiagnosticsPanel diagnostics={diag} />
      )}
      {diag?.moduleDiagnostics ? <ModuleDiagnosticsPanel module={diag.moduleDiagnostics} /> : null}
      <section className="panel" aria-labelledby="charts-heading">
        <h2 id="charts-heading">Health and resources</h2>
        <HealthChart history={health?.history ?? NO_SAMPLES} checked={checked} />
        <ResourceCharts samples={metrics ?? NO_SAMPLES} running={summary.startTime !== null} />
      </section>
      <LogViewer workerId={id} />
      <TransitionTimeline transitions={transitions ?? diag?.transitions ?? NO_SAMPLES} />
    </section>
  );
}
