import { useState } from 'react';
import { messageOf } from '../../lib/use-api-query.js';
import { useUnacknowledgedCount } from '../../store/selectors.js';
import { acknowledge } from './acknowledge.js';

export function AcknowledgeAllButton() {
  const count = useUnacknowledgedCount();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onClick = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await acknowledge({ all: true });
    } catch (e) {
      setError(`Acknowledge all failed: ${messageOf(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="toolbar">
      <button type="button" disabled={busy || count === 0} onClick={() => void onClick()}>
        Acknowledge all
      </button>
      {error ? (
        <span className="row-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
