// Coalesces the master's events into EventBatch messages: at most one batch per flush interval,
// only when something happened, with the latest summary and sample per worker and log lines
// grouped per worker. A window that subscribes (or reconnects) first gets a full snapshot, so
// it never has to guess what it missed.
import type { Logger } from 'pino';
import type { EventBatch, Snapshot } from '../../shared/api-contract.js';
import type { LogLine } from '../../shared/types.js';
import type { MasterApi, MasterEvents } from '../master/master-api.js';
import type { ConfigPort } from './config-port.js';
import { PendingBatch } from './pending-batch.js';

export type BatchListener = (batch: EventBatch) => void;

export interface EventHubOptions {
  master: MasterApi;
  config?: ConfigPort;
  logger: Logger;
  /** Shortest time between two batches; also how long the first event of a batch waits. */
  flushIntervalMs?: number;
  /** Newest log lines kept per worker in one batch; older ones are fetched with workers.logs. */
  maxLogLinesPerWorker?: number;
}

interface Subscriber {
  listener: BatchListener;
  seq: number;
}

export class EventHub {
  private readonly subscribers = new Set<Subscriber>();
  private readonly pending: PendingBatch;
  private readonly flushIntervalMs: number;
  private readonly log: Logger;
  private timer: NodeJS.Timeout | null = null;
  private detach: (() => void) | null = null;

  constructor(private readonly options: EventHubOptions) {
    this.flushIntervalMs = options.flushIntervalMs ?? 100;
    this.pending = new PendingBatch(options.maxLogLinesPerWorker ?? 200);
    this.log = options.logger.child({ component: 'event-hub' });
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** The listener receives a snapshot batch at once, then coalesced batches. */
  subscribe(listener: BatchListener): () => void {
    const subscriber: Subscriber = { listener, seq: 0 };
    this.subscribers.add(subscriber);
    if (!this.detach) this.detach = this.attach();
    this.deliver(subscriber, { seq: 0, time: Date.now(), snapshot: this.snapshot() });
    return () => {
      if (!this.subscribers.delete(subscriber) || this.subscribers.size > 0) return;
      this.stopListening();
    };
  }

  /** Drops every subscriber and stops listening to the master. */
  close(): void {
    this.subscribers.clear();
    this.stopListening();
  }

  private snapshot(): Snapshot {
    const { master } = this.options;
    return {
      workers: master.listWorkers(),
      alerts: master.listAlerts(),
      master: master.getStats(),
    };
  }

  private attach(): () => void {
    const { master, config } = this.options;
    const pending = this.pending;
    const handlers: { [E in keyof MasterEvents]: MasterEvents[E] } = {
      worker: (summary) => this.touch(() => pending.summary(summary)),
      transition: (workerId, transition) =>
        this.touch(() => pending.transition(workerId, transition)),
      log: (workerId, line: LogLine) => this.touch(() => pending.log(workerId, line)),
      health: (workerId, status, result) =>
        this.touch(() => pending.health(workerId, status, result)),
      metrics: (workerId, sample) => this.touch(() => pending.metrics(workerId, sample)),
      alert: (alert) => this.touch(() => pending.alert(alert)),
      removed: (workerId) => this.touch(() => pending.removed(workerId)),
      'master-memory': (sample) => this.touch(() => pending.masterMemory(sample)),
    };
    const events = Object.keys(handlers) as (keyof MasterEvents)[];
    for (const event of events) master.on(event, handlers[event]);
    const stopConfig = config?.onChanged((info) => this.touch(() => pending.config(info)));
    return () => {
      for (const event of events) master.off(event, handlers[event]);
      stopConfig?.();
    };
  }

  private stopListening(): void {
    this.detach?.();
    this.detach = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.take();
  }

  private touch(record: () => void): void {
    record();
    // The first event after a quiet spell opens a window; everything until it closes rides along.
    this.timer ??= setTimeout(() => this.flush(), this.flushIntervalMs);
  }

  private flush(): void {
    this.timer = null;
    const batch = this.pending.take();
    if (!batch) return;
    for (const subscriber of this.subscribers) this.deliver(subscriber, batch);
  }

  private deliver(subscriber: Subscriber, batch: EventBatch): void {
    subscriber.seq += 1;
    try {
      subscriber.listener({ ...batch, seq: subscriber.seq });
    } catch (error) {
      this.log.error({ err: error }, 'EventHub.deliver(): a subscriber threw');
    }
  }
}
