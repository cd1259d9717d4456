import { useNow } from '../lib/use-now.js';
import { usePanelStore } from '../store/store.js';
import type { ConnectionStatus } from '../api/client.js';
import { assertNever } from '../../../shared/types.js';

function describe(status: ConnectionStatus, now: number): string | null {
  switch (status.state) {
    case 'open':
      return null;
    case 'connecting':
      return 'Connecting to the master…';
    case 'reconnecting': {
      const seconds = Math.max(0, Math.ceil((status.retryAt - now) / 1000));
      return (
        'Connection to the master lost. ' +
        `Reconnecting in ${seconds} s (attempt ${status.attempt})…`
      );
    }
    case 'unauthorized':
      return (
        `The master refused this page (${status.message}). ` +
        'Open the address that hsu-master serve printed.'
      );
    default:
      return assertNever(status, 'connection status');
  }
}

function Countdown({ status }: { status: ConnectionStatus }) {
  const now = useNow();
  return <>{describe(status, now)}</>;
}

/** A live region that speaks up only while the panel is not connected. */
export function ConnectionBanner() {
  const status = usePanelStore((s) => s.connection);
  return (
    <div
      role="status"
      aria-label="Connection"
      className={`connection-banner connection-${status.state}`}
      data-connection={status.state}
    >
      {status.state === 'open' ? null : status.state === 'reconnecting' ? (
        <Countdown status={status} />
      ) : (
        describe(status, 0)
      )}
    </div>
  );
}
