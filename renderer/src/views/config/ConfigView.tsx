// Read-only view of workers.yaml; the editor replaces it.
import type { ConfigFileView } from '../../../../shared/api-contract.js';
import { getClient } from '../../api/client.js';
import { Notice } from '../../components/Notice.js';
import { useApiQuery } from '../../lib/use-api-query.js';
import { usePanelStore } from '../../store/store.js';

export function ConfigView() {
  const changedAt = usePanelStore((s) => s.config?.mtimeMs ?? 0);
  const epoch = usePanelStore((s) => s.epoch);
  const config = useApiQuery<ConfigFileView>(
    `${epoch}:${changedAt}`,
    () => getClient().call('config.get'),
    true,
  );
  return (
    <section className="view" aria-labelledby="config-heading">
      <h1 id="config-heading">Configuration</h1>
      {config.status === 'loading' ? (
        <Notice kind="loading">Loading the configuration…</Notice>
      ) : config.status === 'error' ? (
        <Notice kind="error">Could not load the configuration: {config.message}</Notice>
      ) : (
        <>
          <p className="config-path" data-config-path={config.value.path}>
            <code>{config.value.path}</code>
            {config.value.valid ? null : <span className="text-danger"> (has errors)</span>}
          </p>
          <pre className="config-text" aria-label="workers.yaml" tabIndex={0}>
            {config.value.text}
          </pre>
        </>
      )}
    </section>
  );
}
