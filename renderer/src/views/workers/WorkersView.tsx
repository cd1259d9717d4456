import { Notice } from '../../components/Notice.js';
import { useHasSnapshot, useWorkerIds } from '../../store/selectors.js';
import { usePanelStore } from '../../store/store.js';
import { BulkActions } from './BulkActions.js';
import { ShortcutHelp } from './ShortcutHelp.js';
import { WorkersTable } from './WorkersTable.js';

export function WorkersView() {
  const loaded = useHasSnapshot();
  const count = useWorkerIds().length;
  const refused = usePanelStore((s) => s.connection.state === 'unauthorized');
  return (
    <section className="view" aria-labelledby="workers-heading">
      <h1 id="workers-heading">Workers</h1>
      {refused && !loaded ? (
        <Notice kind="error">The master refused this page; open the address it printed.</Notice>
      ) : !loaded ? (
        <Notice kind="loading">Loading workers…</Notice>
      ) : count === 0 ? (
        <Notice kind="empty">No workers are configured. Add some to workers.yaml.</Notice>
      ) : (
        <>
          <ShortcutHelp />
          <BulkActions />
          <WorkersTable />
        </>
      )}
    </section>
  );
}
