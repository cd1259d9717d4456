// The workers.yaml schema: the single source of truth for the loader, the form editor and the
// JSON Schema served to editors. Field names follow the guide (snake_case, Go-style durations).
import { z } from 'zod';
import { parseDuration } from './duration.js';

export const WORKER_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Node's timers hold at most 2^31-1 ms (about 24.8 days); a longer one fires at once. */
export const MAX_DURATION_MS = 2 ** 31 - 1;

export const duration = z
  .string({ error: 'must be a duration such as "500ms", "10s" or "2m"' })
  .refine((text) => parseDuration(text) !== null, {
    error: (issue) =>
      `${JSON.stringify(issue.input)} is not a duration (use e.g. "500ms", "10s", "2m")`,
  })
  .refine((text) => (parseDuration(text) ?? 0) <= MAX_DURATION_MS, {
    error: (issue) => `${JSON.stringify(issue.input)} is too long (at most 576h, about 24 days)`,
  });

export const workerId = z
  .string({ error: 'must be a string' })
  .regex(WORKER_ID_PATTERN, { error: 'must be 1-64 characters of A-Z, a-z, 0-9, "_" or "-"' });

export const STOP_SIGNALS = [
  'SIGTERM',
  'SIGINT',
  'SIGHUP',
  'SIGQUIT',
  'SIGUSR1',
  'SIGUSR2',
  'SIGKILL',
] as const;
export const LIMIT_POLICIES = ['log', 'alert', 'restart', 'stop'] as const;
export const RESTART_POLICIES = ['never', 'on-failure', 'always'] as const;

const percent = z.number().gt(0).max(100);

export const httpCheck = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }),
  method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'OPTIONS']).default('GET'),
  headers: z.record(z.string(), z.string()).default({}),
  /** Accepted status codes; any 2xx when omitted. */
  expected_status: z.array(z.int().min(100).max(599)).min(1).optional(),
});

export const tcpCheck = z.strictObject({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.int().min(1).max(65535),
});

export const execCheck = z.strictObject({
  command: z.string().min(1),
  args: z.array(z.string()).default([]),
});

export const runOptions = z.strictObject({
  interval: duration.default('10s'),
  timeout: duration.default('2s'),
  initial_delay: duration.default('0s'),
  /** Consecutive failures before the worker counts as unhealthy. */
  retries: z.int().min(1).max(100).default(3),
});

export const HEALTH_CHECK_TYPES = ['process', 'http', 'tcp', 'exec', 'module'] as const;

export const healthCheck = z
  .strictObject({
    type: z.enum(HEALTH_CHECK_TYPES),
    http: httpCheck.optional(),
    tcp: tcpCheck.optional(),
    exec: execCheck.optional(),
    run_options: runOptions.default({
      interval: '10s',
      timeout: '2s',
      initial_delay: '0s',
      retries: 3,
    }),
  })
  .superRefine((check, ctx) => {
    if (check.type === 'http' || check.type === 'tcp' || check.type === 'exec') {
      if (!check[check.type]) {
        ctx.addIssue({
          code: 'custom',
          path: [check.type],
          message: `a health check of type ${check.type} needs a "${check.type}" section`,
        });
      }
    }
    const run = check.run_options;
    const interval = parseDuration(run.interval);
    const timeout = parseDuration(run.timeout);
    if (interval !== null && timeout !== null && timeout >= interval) {
      ctx.addIssue({
        code: 'custom',
        path: ['run_options', 'timeout'],
        message: `timeout (${run.timeout}) must be less than interval (${run.interval})`,
      });
    }
  });

const limit = <K extends string>(key: K) =>
  z.strictObject({
    [key]: z.number().positive(),
    warning_percent: percent.default(80),
    policy: z.enum(LIMIT_POLICIES).default('alert'),
  } as { [P in K]: z.ZodNumber } & {
    warning_percent: z.ZodDefault<typeof percent>;
    policy: z.ZodDefault<z.ZodEnum<{ [P in (typeof LIMIT_POLICIES)[number]]: P }>>;
  });

export const resources = z.strictObject({
  memory: limit('max_rss_mb').optional(),
  cpu: limit('max_percent').optional(),
});

export const restart = z.strictObject({
  policy: z.enum(RESTART_POLICIES).default('on-failure'),
  max_retries: z.int().min(0).default(5),
  retry_delay: duration.default('1s'),
  backoff_factor: z.number().min(1).default(2),
  max_delay: duration.default('60s'),
  /** Uptime after which the retry count starts again from zero. */
  reset_after: duration.default('60s'),
});

const RESTART_DEFAULTS = restart.parse({});

const common = {
  id: workerId,
  enabled: z.boolean().default(true),
  package: z.string().min(1).optional(),
  health_check: healthCheck.optional(),
  resources: resources.optional(),
  restart: restart.default(RESTART_DEFAULTS),
  graceful_timeout: duration.default('10s'),
};

export const processWorker = z.strictObject({
  ...common,
  type: z.literal('process'),
  executable_path: z.string().min(1).optional(),
  args: z.array(z.string({ error: 'must be a string (quote numbers)' })).default([]),
  environment: z
    .record(z.string(), z.string({ error: 'must be a string (quote numbers and booleans)' }))
    .default({}),
  working_directory: z.string().min(1).optional(),
  stop_signal: z.enum(STOP_SIGNALS).default('SIGTERM'),
});

export const moduleWorker = z.strictObject({
  ...common,
  type: z.literal('module'),
  module_type: z.enum(['native', 'plugin']),
  /** The registered factory name (native) or a display name (plugin). */
  module_name: z.string().min(1).optional(),
  /** Plugin file, relative to workers.yaml, when no package supplies it. */
  module_path: z.string().min(1).optional(),
  /** Export of the plugin file that yields the module (a factory or an object). */
  entry_point: z.string().min(1).optional(),
  /** inline: on the master's event loop; thread: in its own worker thread. */
  isolation: z.enum(['inline', 'thread']).optional(),
  config: z.record(z.string(), z.unknown()).default({}),
  startup_timeout: duration.default('10s'),
  /** Panics tolerated before the module is marked degraded. */
  panic_threshold: z.int().min(1).default(5),
});

export const workerConfig = z.discriminatedUnion('type', [processWorker, moduleWorker], {
  error: 'type must be "process" or "module"',
});

export const masterConfig = z.strictObject({
  log_level: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  force_shutdown_timeout: duration.default('30s'),
  /** Lines kept per worker for each log buffer. */
  log_lines: z.int().min(10).max(100_000).default(1000),
  sample_interval: duration.default('1s'),
  /** How much resource history is kept for charts. */
  metrics_history: duration.default('10m'),
  health_history: z.int().min(10).max(10_000).default(200),
  memory_monitor: z
    .strictObject({
      interval: duration.default('30s'),
      threshold_mb: z.number().positive().default(100),
    })
    .default({ interval: '30s', threshold_mb: 100 }),
});

const MASTER_DEFAULTS = masterConfig.parse({});

export const globalConfig = z.strictObject({
  process_defaults: z.record(z.string(), z.unknown()).default({}),
  module_defaults: z.record(z.string(), z.unknown()).default({}),
});

export const workersFile = z.strictObject({
  $schema: z.string().optional(),
  master: masterConfig.default(MASTER_DEFAULTS),
  global: globalConfig.default({ process_defaults: {}, module_defaults: {} }),
  workers: z.array(workerConfig).default([]),
});

export type WorkerConfig = z.output<typeof workerConfig>;
export type ProcessWorkerConfig = z.output<typeof processWorker>;
export type ModuleWorkerConfig = z.output<typeof moduleWorker>;
export type HealthCheckConfig = z.output<typeof healthCheck>;
export type ResourceLimits = z.output<typeof resources>;
export type RestartConfig = z.output<typeof restart>;
export type MasterConfig = z.output<typeof masterConfig>;
export type GlobalConfig = z.output<typeof globalConfig>;
export type WorkersFile = z.output<typeof workersFile>;
export type WorkerConfigInput = z.input<typeof workerConfig>;

/** The JSON Schema of workers.yaml, for editors' completion and validation. */
export function workersJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(workersFile, { io: 'input', unrepresentable: 'any' });
}
