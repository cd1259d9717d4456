// The renderer's one door: `window.hsu`, a single typed object over IPC. A sandboxed preload
// cannot load other files, so this one imports nothing at run time but electron itself (the
// contract comes in as types only, and the channel names are checked against it).
import { contextBridge, ipcRenderer } from 'electron';
import type * as Contract from '../../shared/api-contract.js';
import type { ApiMethod, ApiResult, EventBatch, HsuBridge } from '../../shared/api-contract.js';

const INVOKE_PREFIX: typeof Contract.IPC_INVOKE_PREFIX = 'hsu:';
const EVENT_CHANNEL: typeof Contract.IPC_EVENT_CHANNEL = 'hsu:event';
const SUBSCRIBE_CHANNEL: typeof Contract.IPC_SUBSCRIBE_CHANNEL = 'hsu:subscribe';
const UNSUBSCRIBE_CHANNEL: typeof Contract.IPC_UNSUBSCRIBE_CHANNEL = 'hsu:unsubscribe';

/** What the bridge needs of ipcRenderer. */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function createBridge(ipc: RendererIpc): HsuBridge {
  // One entry per subscribe call, so subscribing the same function twice needs two unsubscribes.
  const listeners = new Set<{ listener: (batch: EventBatch) => void }>();
  const onEvent = (_event: unknown, batch: unknown): void => {
    for (const entry of [...listeners]) {
      try {
        entry.listener(batch as EventBatch);
      } catch (error) {
        // One broken listener must not starve the others; the error still surfaces.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  };
  const request = (channel: string): void => {
    // The main process logs a refused or failed subscription; nothing more to do here.
    ipc.invoke(channel).catch(() => undefined);
  };

  return {
    invoke<M extends ApiMethod>(method: M, input?: Contract.ApiInput<M>) {
      return ipc.invoke(`${INVOKE_PREFIX}${method}`, input).then(
        (result) => result as ApiResult<Contract.ApiOutput<M>>,
        (error: unknown): ApiResult<Contract.ApiOutput<M>> => ({
          ok: false,
          error: {
            kind: 'internal',
            message: error instanceof Error ? error.message : String(error),
          },
        }),
      );
    },
    subscribe(listener) {
      const entry = { listener };
      if (listeners.size === 0) ipc.on(EVENT_CHANNEL, onEvent);
      listeners.add(entry);
      // Every new subscriber asks for a fresh snapshot, so none of them starts out stale.
      request(SUBSCRIBE_CHANNEL);
      return () => {
        if (!listeners.delete(entry) || listeners.size > 0) return;
        ipc.removeListener(EVENT_CHANNEL, onEvent);
        request(UNSUBSCRIBE_CHANNEL);
      };
    },
  };
}

contextBridge.exposeInMainWorld('hsu', createBridge(ipcRenderer));
