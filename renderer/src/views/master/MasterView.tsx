import { useMemo } from 'react';
import { ByteSeriesChart } from '../../components/ByteSeriesChart.js';
import { useAlerts } from '../../store/selectors.js';
import { usePanelStore } from '../../store/store.js';
import { AlertList } from '../alerts/AlertList.js';
import { MasterStatsPanel } from './MasterStatsPanel.js';

export function MasterView() {
  const memory = usePanelStore((s) => s.masterMemory);
  const alerts = useAlerts();
  const masterAlerts = useMemo(
    () => alerts.filter((a) => a.kind === 'master_memory' || a.kind === 'leak'),
    [alerts],
  );
  return (
    <section className="view" aria-labelledby="master-heading">
      <h1 id="master-heading">Master</h1>
      <MasterStatsPanel />
      <section className="panel" aria-labelledby="master-memory-heading">
        <h2 id="master-memory-heading">Memory</h2>
        <div className="chart-grid">
          <ByteSeriesChart
            title="Resident memory"
            data={memory}
            value={(m) => m.rss}
            color="var(--chart-memory)"
          />
          <ByteSeriesChart
            title="Heap used"
            data={memory}
            value={(m) => m.heapUsed}
            color="var(--chart-cpu)"
          />
        </div>
      </section>
      <section className="panel" aria-labelledby="master-alerts-heading">
        <h2 id="master-alerts-heading">Memory alerts</h2>
        <AlertList alerts={masterAlerts} emptyText="No memory or leak alerts for the master." />
      </section>
    </section>
  );
}
