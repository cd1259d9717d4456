// The serve-mode event stream: one WebSocket, reopened after a drop with capped back-off. Each
// message is one EventBatch; the first after every (re)connect carries a full snapshot.
import type { EventBatch } from '../../../shared/api-contract.js';
import { EVENTS_PATH, WS_PROTOCOL, WS_TOKEN_PROTOCOL_PREFIX } from '../../../shared/rest-routes.js';
import { reconnectDelay } from './backoff.js';
import type { ConnectionStatus } from './connection.js';

/** The part of the browser WebSocket this module uses, so tests can hand in another. */
export interface SocketLike {
  onmessage: ((event: MessageEvent) => unknown) | null;
  onclose: ((event: CloseEvent) => unknown) | null;
  onerror: ((event: Event) => unknown) | null;
  close(): void;
}

export type SocketFactory = (url: string, protocols: string[]) => SocketLike;

export interface EventSocketOptions {
  baseUrl: string;
  token: string | null;
  openSocket: SocketFactory;
  onBatch(batch: EventBatch): void;
  onStatus(status: ConnectionStatus): void;
  /** Asked after a connection closed before any message: a rejected token ends the retries. */
  checkAuth(): Promise<string | null>;
}

export function eventsUrl(baseUrl: string): string {
  const url = new URL(EVENTS_PATH, baseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

export class EventSocket {
  private socket: SocketLike | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private stopped = false;

  constructor(private readonly options: EventSocketOptions) {}

  start(): void {
    this.stopped = false;
    this.options.onStatus({ state: 'connecting' });
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.close();
    }
  }

  private connect(): void {
    const { options } = this;
    const protocols = [WS_PROTOCOL, `${WS_TOKEN_PROTOCOL_PREFIX}${options.token ?? ''}`];
    const socket = options.openSocket(eventsUrl(options.baseUrl), protocols);
    let received = false;
    this.socket = socket;
    socket.onmessage = (event) => {
      if (typeof event.data !== 'string') return;
      let batch: EventBatch;
      try {
        batch = JSON.parse(event.data) as EventBatch;
      } catch {
        return;
      }
      if (!received) {
        received = true;
        this.attempt = 0;
        options.onStatus({ state: 'open' });
      }
      options.onBatch(batch);
    };
    socket.onclose = () => {
      if (this.socket !== socket || this.stopped) return;
      this.socket = null;
      if (received) this.scheduleReconnect();
      else void this.retryUnlessUnauthorized();
    };
    // A failed socket also fires close, which is where the retry happens.
    socket.onerror = () => undefined;
  }

  private async retryUnlessUnauthorized(): Promise<void> {
    const rejection = await this.options.checkAuth().catch(() => null);
    if (this.stopped) return;
    if (rejection !== null) {
      this.options.onStatus({ state: 'unauthorized', message: rejection });
      return;
    }
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    const delay = reconnectDelay(this.attempt);
    this.attempt += 1;
    this.options.onStatus({
      state: 'reconnecting',
      attempt: this.attempt,
      retryAt: Date.now() + delay,
    });
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.stopped) this.connect();
    }, delay);
  }
}
