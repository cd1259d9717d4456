// alerts.*: the master's alert list and acknowledgement.
import type { MasterApi } from '../master/master-api.js';
import type { DomainHandlers } from './handler-map.js';

export function alertHandlers(master: MasterApi): DomainHandlers<'alerts.list' | 'alerts.ack'> {
  return {
    'alerts.list': () => Promise.resolve(master.listAlerts()),
    'alerts.ack': (input) => {
      const acknowledged =
        'all' in input ? master.acknowledgeAllAlerts() : master.acknowledgeAlert(input.id);
      return Promise.resolve({ acknowledged });
    },
  };
}
