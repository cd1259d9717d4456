// The renderer's one door to the master. In the Electron window it goes through the preload
// bridge (window.hsu); in a browser it speaks REST and listens on the event WebSocket. Views see
// the same interface either way.
import type {
  ApiErrorBody,
  ApiErrorKind,
  ApiInput,
  ApiMethod,
  ApiOutput,
  ApiResult,
  EventBatch,
  HsuBridge,
} from '../../../shared/api-contract.js';
import type { ConnectionStatus } from './connection.js';
import { EventSocket, type SocketFactory } from './event-socket.js';
import { buildRestRequest, readRestResponse } from './rest-request.js';
import { browserTokenEnvironment, takeToken } from './token.js';

export type { ConnectionStatus } from './connection.js';

declare global {
  interface Window {
    hsu?: HsuBridge;
  }
}

/** An API error on the renderer side, with the kind the master gave it. */
export class ClientError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'ClientError';
  }

  static from(body: ApiErrorBody): ClientError {
    return new ClientError(body.kind, body.message, body.issues);
  }
}

export interface ApiClient {
  readonly mode: 'bridge' | 'rest';
  /** Never rejects: failures come back as `{ ok: false, error }`. */
  invoke<M extends ApiMethod>(method: M, input?: ApiInput<M>): Promise<ApiResult<ApiOutput<M>>>;
  /** Resolves with the value or rejects with a ClientError. */
  call<M extends ApiMethod>(method: M, input?: ApiInput<M>): Promise<ApiOutput<M>>;
  /** Event batches; the first one after each (re)connect carries a snapshot. */
  subscribe(listener: (batch: EventBatch) => void): () => void;
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  status(): ConnectionStatus;
}

export interface RestEnvironment {
  baseUrl: string;
  token: string | null;
  fetch: typeof fetch;
  openSocket: SocketFactory;
}

type Invoke = <M extends ApiMethod>(
  method: M,
  input?: ApiInput<M>,
) => Promise<ApiResult<ApiOutput<M>>>;

function withCall(base: Omit<ApiClient, 'call' | 'invoke'>, invoke: Invoke): ApiClient {
  return {
    ...base,
    invoke,
    call: async (method, input) => {
      const result = await invoke(method, input);
      if (!result.ok) throw ClientError.from(result.error);
      return result.value;
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createBridgeClient(bridge: HsuBridge): ApiClient {
  const open: ConnectionStatus = { state: 'open' };
  const invoke: Invoke = async (method, input) => {
    try {
      return await bridge.invoke(method, input);
    } catch (error) {
      return { ok: false, error: { kind: 'internal', message: messageOf(error) } };
    }
  };
  return withCall(
    {
      mode: 'bridge',
      subscribe: (listener) => bridge.subscribe(listener),
      onStatus: () => () => undefined,
      status: () => open,
    },
    invoke,
  );
}

export function createRestClient(env: RestEnvironment): ApiClient {
  const batchListeners = new Set<(batch: EventBatch) => void>();
  const statusListeners = new Set<(status: ConnectionStatus) => void>();
  let current: ConnectionStatus = { state: 'connecting' };
  let socket: EventSocket | null = null;

  const invoke: Invoke = async (method, input) => {
    const request = buildRestRequest(method, input, env.baseUrl, env.token);
    try {
      const response = await env.fetch(request.url, request.init);
      return await readRestResponse(response);
    } catch (error) {
      return {
        ok: false,
        error: { kind: 'internal', message: `cannot reach the master: ${messageOf(error)}` },
      };
    }
  };

  const setStatus = (status: ConnectionStatus): void => {
    current = status;
    for (const listener of statusListeners) listener(status);
  };

  const checkAuth = async (): Promise<string | null> => {
    const result = await invoke('master.stats');
    return !result.ok && result.error.kind === 'auth' ? result.error.message : null;
  };

  return withCall(
    {
      mode: 'rest',
      subscribe: (listener) => {
        batchListeners.add(listener);
        if (!socket) {
          socket = new EventSocket({
            baseUrl: env.baseUrl,
            token: env.token,
            openSocket: env.openSocket,
            onBatch: (batch) => batchListeners.forEach((each) => each(batch)),
            onStatus: setStatus,
            checkAuth,
          });
          socket.start();
        }
        return () => {
          batchListeners.delete(listener);
          if (batchListeners.size === 0 && socket) {
            socket.stop();
            socket = null;
          }
        };
      },
      onStatus: (listener) => {
        statusListeners.add(listener);
        return () => statusListeners.delete(listener);
      },
      status: () => current,
    },
    invoke,
  );
}

let shared: ApiClient | null = null;

/** The page's client: the bridge when the preload provided one, REST and WebSocket otherwise. */
export function getClient(): ApiClient {
  if (shared) return shared;
  if (window.hsu) {
    shared = createBridgeClient(window.hsu);
  } else {
    shared = createRestClient({
      baseUrl: window.location.href,
      token: takeToken(browserTokenEnvironment()),
      fetch: (url, init) => window.fetch(url, init),
      openSocket: (url, protocols) => new WebSocket(url, protocols),
    });
  }
  return shared;
}
