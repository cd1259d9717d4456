// The API contract: every request the panel or a script can make, every event it can receive,
// and the typed errors. The router, the IPC bridge, the REST server and the renderer client
// are all checked against these maps, so a renamed field breaks the build on both sides.
import { z } from 'zod';
import { workerId } from './config-schema.js';
import type {
  Alert,
  HealthCheckResult,
  HealthStatus,
  LogLine,
  MasterStats,
  ResourceSample,
  StateTransition,
  WorkerDiagnostics,
  WorkerSummary,
} from './types.js';

export const ERROR_KINDS = [
  'validation',
  'not_found',
  'conflict',
  'process',
  'timeout',
  'auth',
  'internal',
] as const;
export type ApiErrorKind = (typeof ERROR_KINDS)[number];

export interface ApiErrorBody {
  kind: ApiErrorKind;
  message: string;
  /** For validation errors: where each problem is. */
  issues?: { path: string; message: string }[];
}

/** An error that crosses the API boundary with its kind intact. */
export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): ApiErrorBody {
    return this.issues
      ? { kind: this.kind, message: this.message, issues: this.issues }
      : { kind: this.kind, message: this.message };
  }
}

export const HTTP_STATUS: Record<ApiErrorKind, number> = {
  validation: 400,
  auth: 401,
  not_found: 404,
  conflict: 409,
  timeout: 504,
  process: 500,
  internal: 500,
};

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export interface ConfigProblem {
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
}

export interface ConfigFileView {
  path: string;
  text: string;
  mtimeMs: number;
  valid: boolean;
  errors: ConfigProblem[];
  /** True when the file on disk differs from what the master runs. */
  pendingApply: boolean;
}

export interface ValidationReport {
  valid: boolean;
  errors: ConfigProblem[];
  workers: number;
}

export interface ApplyPlan {
  start: string[];
  stop: string[];
  restart: string[];
  unchanged: string[];
  /** Changed or unchanged workers that stay stopped because the operator stopped them. */
  keptStopped: string[];
}

export interface ApplyOutcome {
  plan: ApplyPlan;
  errors: { workerId: string; message: string }[];
}

const idInput = z.strictObject({ id: workerId });
/** start, stop and restart take `force`: a forced stop (and the stop of a forced restart)
 * kills at once instead of waiting out graceful_timeout; a start has nothing to force. */
const commandInput = z.strictObject({ id: workerId, force: z.boolean().optional() });
const none = z.strictObject({}).optional();

/** Input schemas: every request is parsed with these at the edge. */
export const requestSchemas = {
  'workers.list': none,
  'workers.get': idInput,
  'workers.start': commandInput,
  'workers.stop': commandInput,
  'workers.restart': commandInput,
  'workers.logs': z.strictObject({
    id: workerId,
    tail: z.coerce
      .number({ error: 'must be a number of lines' })
      .int({ error: 'must be a whole number of lines' })
      .min(1, { error: 'must be at least 1' })
      .max(100_000, { error: 'must be at most 100000' })
      .optional(),
  }),
  'workers.health': idInput,
  'workers.metrics': idInput,
  'alerts.list': none,
  'alerts.ack': z.union([
    z.strictObject({ id: z.string().min(1) }),
    z.strictObject({ all: z.literal(true) }),
  ]),
  'config.get': none,
  'config.validate': z.strictObject({ text: z.string().max(4_000_000) }),
  'config.save': z.strictObject({ text: z.string().max(4_000_000) }),
  'config.plan': none,
  'config.apply': none,
  'master.stats': none,
} as const;

export type ApiMethod = keyof typeof requestSchemas;
export const API_METHODS = Object.keys(requestSchemas) as ApiMethod[];

export interface ApiOutputs {
  'workers.list': WorkerSummary[];
  'workers.get': WorkerDiagnostics;
  'workers.start': WorkerSummary;
  'workers.stop': WorkerSummary;
  'workers.restart': WorkerSummary;
  'workers.logs': LogLine[];
  'workers.health': { status: HealthStatus; history: HealthCheckResult[] };
  'workers.metrics': ResourceSample[];
  'alerts.list': Alert[];
  'alerts.ack': { acknowledged: number };
  'config.get': ConfigFileView;
  'config.validate': ValidationReport;
  'config.save': ConfigFileView;
  'config.plan': ApplyPlan;
  'config.apply': ApplyOutcome;
  'master.stats': MasterStats;
}

export type ApiInput<M extends ApiMethod> = z.input<(typeof requestSchemas)[M]>;
export type ApiParsedInput<M extends ApiMethod> = z.output<(typeof requestSchemas)[M]>;
export type ApiOutput<M extends ApiMethod> = ApiOutputs[M];

export interface Snapshot {
  workers: WorkerSummary[];
  alerts: Alert[];
  master: MasterStats;
}

/**
 * Everything that happened since the previous batch, coalesced: at most one summary and one
 * sample per worker, log lines grouped per worker. Subscribers receive a bounded number of
 * batches a second whatever the number of workers; the first one carries a full snapshot.
 */
export interface EventBatch {
  seq: number;
  time: number;
  snapshot?: Snapshot;
  workers?: WorkerSummary[];
  removed?: string[];
  transitions?: { workerId: string; transition: StateTransition }[];
  logs?: { workerId: string; lines: LogLine[] }[];
  health?: { workerId: string; status: HealthStatus; result: HealthCheckResult }[];
  metrics?: { workerId: string; sample: ResourceSample }[];
  alerts?: Alert[];
  master?: { time: number; rss: number; heapUsed: number };
  config?: { path: string; mtimeMs: number; valid: boolean };
}

export interface ApiEvents {
  batch: EventBatch;
}

/** IPC channel names: one per request, plus the event channel and the subscribe pair. */
export const IPC_INVOKE_PREFIX = 'hsu:';
export const IPC_EVENT_CHANNEL = 'hsu:event';
export const IPC_SUBSCRIBE_CHANNEL = 'hsu:subscribe';
export const IPC_UNSUBSCRIBE_CHANNEL = 'hsu:unsubscribe';
export const ipcChannel = (method: ApiMethod): string => `${IPC_INVOKE_PREFIX}${method}`;

/** The object the preload script exposes as `window.hsu`. */
export interface HsuBridge {
  invoke<M extends ApiMethod>(method: M, input?: ApiInput<M>): Promise<ApiResult<ApiOutput<M>>>;
  subscribe(listener: (batch: EventBatch) => void): () => void;
}
