// workers.*: reads and commands on single workers, answered by the master.
import type { MasterApi } from '../master/master-api.js';
import type { DomainHandlers } from './handler-map.js';

type WorkerMethod =
  | 'workers.list'
  | 'workers.get'
  | 'workers.start'
  | 'workers.stop'
  | 'workers.restart'
  | 'workers.logs'
  | 'workers.health'
  | 'workers.metrics';

export function workerHandlers(master: MasterApi): DomainHandlers<WorkerMethod> {
  return {
    'workers.list': () => Promise.resolve(master.listWorkers()),
    'workers.get': ({ id }) => Promise.resolve(master.getDiagnostics(id)),
    'workers.start': async ({ id }) => {
      await master.startWorker(id);
      return master.getSummary(id);
    },
    'workers.stop': async ({ id, force }) => {
      await master.stopWorker(id, force ?? false);
      return master.getSummary(id);
    },
    'workers.restart': async ({ id, force }) => {
      await master.restartWorker(id, force ?? false);
      return master.getSummary(id);
    },
    'workers.logs': ({ id, tail }) => Promise.resolve(master.getLogs(id, tail)),
    'workers.health': ({ id }) => Promise.resolve(master.getHealth(id)),
    'workers.metrics': ({ id }) => Promise.resolve(master.getMetrics(id)),
  };
}
