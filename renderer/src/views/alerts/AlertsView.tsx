import { Notice } from '../../components/Notice.js';
import { useAlerts, useHasSnapshot } from '../../store/selectors.js';
import { AcknowledgeAllButton } from './AcknowledgeAllButton.js';
import { AlertList } from './AlertList.js';

export function AlertsView() {
  const loaded = useHasSnapshot();
  const alerts = useAlerts();
  return (
    <section className="view" aria-labelledby="alerts-heading">
      <h1 id="alerts-heading">Alerts</h1>
      {loaded ? (
        <>
          <AcknowledgeAllButton />
          <AlertList alerts={alerts} emptyText="No alerts." />
        </>
      ) : (
        <Notice kind="loading">Loading alerts…</Notice>
      )}
    </section>
  );
}
