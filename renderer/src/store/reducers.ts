// Pure functions from (data, message) to data. The store applies one batch per call, so a
// message from the master costs one render pass however much it carries.
import type { EventBatch, Snapshot } from '../../../shared/api-contract.js';
import type {
  Alert,
  HealthCheckResult,
  HealthStatus,
  LogLine,
  ResourceSample,
  StateTransition,
  WorkerSummary,
} from '../../../shared/types.js';
import {
  ALERT_LIMIT,
  HEALTH_LIMIT,
  LOG_LIMIT,
  MASTER_MEMORY_LIMIT,
  METRICS_LIMIT,
  TRANSITION_LIMIT,
  type PanelData,
} from './panel-data.js';
import { appendBounded, mergeByKey, shallowEqual } from './series.js';

const byTime = (a: { time: number }, b: { time: number }): number => a.time - b.time;
const bySeq = (a: LogLine, b: LogLine): number => a.seq - b.seq;
const newestFirst = (a: Alert, b: Alert): number => b.time - a.time;

function pick<T>(record: Record<string, T>, ids: readonly string[]): Record<string, T> {
  const kept: Record<string, T> = {};
  for (const id of ids) if (record[id] !== undefined) kept[id] = record[id];
  return kept;
}

function sortAlerts(alerts: Alert[]): Alert[] {
  return alerts.sort(newestFirst).slice(0, ALERT_LIMIT);
}

/**
 * A snapshot replaces what the panel knows. Histories of surviving workers are kept when the
 * master is the same process (they are merged with what views fetch again); a new master
 * starts every history afresh, since its log sequence numbers start over.
 */
export function applySnapshot(data: PanelData, snapshot: Snapshot): PanelData {
  const sameMaster =
    data.master !== null &&
    data.master.pid === snapshot.master.pid &&
    data.master.startTime === snapshot.master.startTime;
  const workers: Record<string, WorkerSummary> = {};
  for (const summary of snapshot.workers) {
    const previous = data.workers[summary.id];
    workers[summary.id] = previous && shallowEqual(previous, summary) ? previous : summary;
  }
  const ids = snapshot.workers.map((w) => w.id);
  const sameIds =
    ids.length === data.workerIds.length && ids.every((id, i) => id === data.workerIds[i]);
  return {
    epoch: data.epoch + 1,
    lastSeq: data.lastSeq,
    workers,
    workerIds: sameIds ? data.workerIds : ids,
    transitions: sameMaster ? pick(data.transitions, ids) : {},
    logs: sameMaster ? pick(data.logs, ids) : {},
    health: sameMaster ? pick(data.health, ids) : {},
    metrics: sameMaster ? pick(data.metrics, ids) : {},
    alerts: sortAlerts([...snapshot.alerts]),
    master: snapshot.master,
    masterMemory: snapshot.master.memoryHistory.slice(-MASTER_MEMORY_LIMIT),
    config: data.config,
  };
}

export function upsertWorkers(data: PanelData, summaries: readonly WorkerSummary[]): PanelData {
  let workers = data.workers;
  let workerIds = data.workerIds;
  for (const summary of summaries) {
    const previous = workers[summary.id];
    if (previous && shallowEqual(previous, summary)) continue;
    if (workers === data.workers) workers = { ...data.workers };
    workers[summary.id] = summary;
    if (!previous) workerIds = [...workerIds, summary.id];
  }
  return workers === data.workers ? data : { ...data, workers, workerIds };
}

export function removeWorkers(data: PanelData, ids: readonly string[]): PanelData {
  const gone = new Set(ids.filter((id) => data.workers[id] !== undefined));
  if (gone.size === 0) return data;
  const keep = data.workerIds.filter((id) => !gone.has(id));
  return {
    ...data,
    workers: pick(data.workers, keep),
    workerIds: keep,
    transitions: pick(data.transitions, keep),
    logs: pick(data.logs, keep),
    health: pick(data.health, keep),
    metrics: pick(data.metrics, keep),
  };
}

/** Appends log lines, dropping any at or below the newest sequence number already held. */
export function appendLogs(
  existing: readonly LogLine[] | undefined,
  lines: readonly LogLine[],
): LogLine[] {
  const last = existing?.at(-1)?.seq ?? -Infinity;
  return appendBounded(
    existing,
    lines.filter((line) => line.seq > last),
    LOG_LIMIT,
  );
}

export function mergeLogs(
  existing: readonly LogLine[] | undefined,
  fetched: readonly LogLine[],
): LogLine[] {
  return mergeByKey(existing, fetched, (line) => line.seq, bySeq, LOG_LIMIT);
}

const transitionKey = (t: StateTransition): string => `${t.time}:${t.from}:${t.to}`;

export function upsertAlerts(data: PanelData, alerts: readonly Alert[]): PanelData {
  if (alerts.length === 0) return data;
  const byId = new Map(data.alerts.map((alert) => [alert.id, alert]));
  for (const alert of alerts) byId.set(alert.id, alert);
  return { ...data, alerts: sortAlerts([...byId.values()]) };
}

/** Marks alerts acknowledged locally once the master has accepted the acknowledgement. */
export function acknowledgeAlerts(data: PanelData, ids: readonly string[] | 'all'): PanelData {
  const chosen = ids === 'all' ? null : new Set(ids);
  let changed = false;
  const alerts = data.alerts.map((alert) => {
    if (alert.acknowledged || (chosen && !chosen.has(alert.id))) return alert;
    changed = true;
    return { ...alert, acknowledged: true };
  });
  return changed ? { ...data, alerts } : data;
}

function grouped<T>(
  entries: readonly T[] | undefined,
  idOf: (entry: T) => string,
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const entry of entries ?? []) {
    const id = idOf(entry);
    const group = groups.get(id);
    if (group) group.push(entry);
    else groups.set(id, [entry]);
  }
  return groups;
}

function updatePerWorker<T, E>(
  data: PanelData,
  record: Record<string, T>,
  entries: readonly E[] | undefined,
  idOf: (entry: E) => string,
  update: (current: T | undefined, entries: E[]) => T,
): Record<string, T> {
  const groups = grouped(entries, idOf);
  if (groups.size === 0) return record;
  const next = { ...record };
  for (const [id, group] of groups) {
    // Histories are kept only for workers the panel knows, so a late event cannot resurrect one.
    if (data.workers[id] !== undefined) next[id] = update(record[id], group);
  }
  return next;
}

export function applyBatch(data: PanelData, batch: EventBatch): PanelData {
  let next = batch.snapshot ? applySnapshot(data, batch.snapshot) : data;
  // Removals first: a worker that is gone and then back (config apply) ends with its summary.
  if (batch.removed?.length) next = removeWorkers(next, batch.removed);
  if (batch.workers?.length) next = upsertWorkers(next, batch.workers);
  const transitions = updatePerWorker(
    next,
    next.transitions,
    batch.transitions,
    (e) => e.workerId,
    (current, group) =>
      appendBounded(
        current,
        group.map((e) => e.transition),
        TRANSITION_LIMIT,
      ),
  );
  const logs = updatePerWorker(
    next,
    next.logs,
    batch.logs,
    (e) => e.workerId,
    (current, group) =>
      appendLogs(
        current,
        group.flatMap((e) => e.lines),
      ),
  );
  const health = updatePerWorker(
    next,
    next.health,
    batch.health,
    (e) => e.workerId,
    (current, group) => ({
      status: group[group.length - 1]?.status ?? current?.status ?? 'unknown',
      history: appendBounded(
        current?.history,
        group.map((e) => e.result),
        HEALTH_LIMIT,
      ),
    }),
  );
  const metrics = updatePerWorker(
    next,
    next.metrics,
    batch.metrics,
    (e) => e.workerId,
    (current, group) =>
      appendBounded(
        current,
        group.map((e) => e.sample),
        METRICS_LIMIT,
      ),
  );
  next = { ...next, transitions, logs, health, metrics, lastSeq: batch.seq };
  if (batch.alerts?.length) next = upsertAlerts(next, batch.alerts);
  if (batch.master) {
    next = {
      ...next,
      masterMemory: appendBounded(next.masterMemory, [batch.master], MASTER_MEMORY_LIMIT),
    };
  }
  if (batch.config) next = { ...next, config: batch.config };
  return next;
}

/** What the worker detail view fetched when it opened, merged with what events brought since. */
export interface WorkerHistory {
  logs?: LogLine[];
  health?: { status: HealthStatus; history: HealthCheckResult[] };
  metrics?: ResourceSample[];
  transitions?: StateTransition[];
}

export function seedWorkerHistory(data: PanelData, id: string, history: WorkerHistory): PanelData {
  if (data.workers[id] === undefined) return data;
  let next = data;
  if (history.logs) {
    next = { ...next, logs: { ...next.logs, [id]: mergeLogs(next.logs[id], history.logs) } };
  }
  if (history.health) {
    const merged = mergeByKey(
      next.health[id]?.history,
      history.health.history,
      (r) => r.time,
      byTime,
      HEALTH_LIMIT,
    );
    const status = next.health[id]?.status ?? history.health.status;
    next = { ...next, health: { ...next.health, [id]: { status, history: merged } } };
  }
  if (history.metrics) {
    const merged = mergeByKey(
      next.metrics[id],
      history.metrics,
      (s) => s.time,
      byTime,
      METRICS_LIMIT,
    );
    next = { ...next, metrics: { ...next.metrics, [id]: merged } };
  }
  if (history.transitions) {
    const merged = mergeByKey(
      next.transitions[id],
      history.transitions,
      transitionKey,
      byTime,
      TRANSITION_LIMIT,
    );
    next = { ...next, transitions: { ...next.transitions, [id]: merged } };
  }
  return next;
}
