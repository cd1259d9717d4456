// master.*: the supervisor's own figures.
import type { MasterApi } from '../master/master-api.js';
import type { DomainHandlers } from './handler-map.js';

export function masterHandlers(master: MasterApi): DomainHandlers<'master.stats'> {
  return {
    'master.stats': () => Promise.resolve(master.getStats()),
  };
}
