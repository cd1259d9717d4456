import { useState } from 'react';
import type { Alert } from '../../../../shared/types.js';
import { formatDateTime } from '../../lib/format.js';
import { routeHref } from '../../lib/route.js';
import { messageOf } from '../../lib/use-api-query.js';
import { acknowledge } from './acknowledge.js';

export function AlertItem({ alert }: { alert: Alert }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onAcknowledge = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await acknowledge({ id: alert.id });
    } catch (e) {
      setError(`Acknowledge failed: ${messageOf(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li
      className={`alert alert-${alert.severity}${alert.acknowledged ? ' acknowledged' : ''}`}
      data-alert-id={alert.id}
      data-severity={alert.severity}
      data-kind={alert.kind}
      data-acknowledged={alert.acknowledged}
    >
      <span className="alert-severity">{alert.severity}</span>
      <span className="alert-message">{alert.message}</span>
      <span className="alert-meta">
        {alert.kind}
        {alert.workerId ? (
          <>
            {' · '}
            <a href={routeHref({ view: 'worker', id: alert.workerId })}>{alert.workerId}</a>
          </>
        ) : null}
        {' · '}
        {formatDateTime(alert.time)}
      </span>
      {alert.acknowledged ? (
        <span className="alert-acked">acknowledged</span>
      ) : (
        <button
          type="button"
          aria-label={`Acknowledge: ${alert.message}`}
          disabled={busy}
          onClick={() => void onAcknowledge()}
        >
          Acknowledge
        </button>
      )}
      {error ? (
        <span className="row-error" role="alert">
          {error}
        </span>
      ) : null}
    </li>
  );
}
