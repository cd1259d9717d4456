// Everything a front door (the desktop window or the HTTP server) needs over one master: the
// router, the event hub and the workers.yaml store they both speak to.
import type { Logger } from 'pino';
import type { LoadedConfig } from '../master/config/loaded-config.js';
import { ConfigStore } from '../master/config-store/index.js';
import type { Master } from '../master/master.js';
import { EventHub } from './event-hub.js';
import { createRouter, type Router } from './router.js';

export interface MasterApiStack {
  router: Router;
  hub: EventHub;
  store: ConfigStore;
  close(): Promise<void>;
}

export async function createApiStack(options: {
  master: Master;
  /** The configuration the master was built from; its path is the file the store edits. */
  config: LoadedConfig & { path: string };
  logger: Logger;
}): Promise<MasterApiStack> {
  const { master, config, logger } = options;
  const store = new ConfigStore({ path: config.path, master, logger, running: config });
  await store.init();
  const router = createRouter({ master, config: store, logger });
  const hub = new EventHub({ master, config: store, logger });
  return {
    router,
    hub,
    store,
    async close() {
      hub.close();
      await store.close();
    },
  };
}
