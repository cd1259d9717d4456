// What the form shows for a worker, the master and the global defaults, declared once: the
// form renders from this, and issues the form has no field for are listed by the same table.
import {
  HEALTH_CHECK_TYPES,
  LIMIT_POLICIES,
  RESTART_POLICIES,
  STOP_SIGNALS,
  masterConfig,
  moduleWorker,
  processWorker,
  restart,
  runOptions,
} from '../../../../shared/config-schema.js';
import { isWithin } from './issues.js';
import type { PathSegment } from './yaml-document.js';

export type FieldKind =
  | 'text'
  | 'duration'
  | 'int'
  | 'number'
  | 'bool'
  | 'select'
  | 'list'
  | 'map'
  | 'yaml'
  | 'int-list'
  | 'module-name';

export interface FieldSpec {
  /** Path below the owner (a worker, or the top of the file). */
  key: PathSegment[];
  kind: FieldKind;
  /** The accessible name: the dotted path below the owner, as written in workers.yaml. */
  name: string;
  /** What the field shows, beside it: the last key. */
  label: string;
  options?: readonly string[];
  /** The value that applies when the field is left empty. */
  placeholder?: string;
  /** An empty text stays in the file as '' (a required field) instead of removing the key. */
  keepEmpty?: boolean;
  /** A line under the field on what it is for, when its name does not say; per worker type. */
  hint?: (worker: WorkerData) => string | undefined;
}

export type WorkerData = Record<string, unknown>;

export interface SectionSpec {
  title: string;
  /** Issues about the section as a whole (a missing sub-section) are shown at its title. */
  path?: PathSegment[];
  fields: FieldSpec[];
  when?: (worker: WorkerData) => boolean;
}

function field(
  name: string,
  kind: FieldKind,
  extra: Partial<Pick<FieldSpec, 'label' | 'options' | 'placeholder' | 'keepEmpty' | 'hint'>> = {},
): FieldSpec {
  const key = name.split('.');
  return { key, kind, name, label: key.at(-1) ?? name, ...extra };
}

/** A field of the master section, labelled with its path below `master`. */
function masterField(
  name: string,
  kind: FieldKind,
  extra: Partial<Pick<FieldSpec, 'options' | 'placeholder'>> = {},
): FieldSpec {
  return field(`master.${name}`, kind, { label: name, ...extra });
}

const defaults = {
  restart: restart.parse({}),
  run: runOptions.parse({}),
  master: masterConfig.parse({}),
  process: processWorker.shape,
  module: moduleWorker.shape,
};
const placeholder = (value: unknown) => ({ placeholder: String(value) });

const isProcess = (w: WorkerData) => w['type'] === 'process';
const isModule = (w: WorkerData) => w['type'] === 'module';
const isPlugin = (w: WorkerData) => isModule(w) && w['module_type'] === 'plugin';
function packageHint(worker: WorkerData): string | undefined {
  if (isProcess(worker)) return 'installed npm package supplying the executable';
  if (isPlugin(worker)) return 'installed npm package supplying the module file and entry point';
  return undefined;
}
const check = (w: WorkerData): Record<string, unknown> | null => {
  const value = w['health_check'];
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
};
const checkType = (type: string) => (w: WorkerData) => check(w)?.['type'] === type;

function limitFields(kind: 'memory' | 'cpu', amount: string): FieldSpec[] {
  return [
    field(`resources.${kind}.${amount}`, 'number'),
    field(`resources.${kind}.warning_percent`, 'number', placeholder(80)),
    field(`resources.${kind}.policy`, 'select', { options: LIMIT_POLICIES, placeholder: 'alert' }),
  ];
}

export const WORKER_SECTIONS: SectionSpec[] = [
  {
    title: 'General',
    fields: [
      field('id', 'text', { keepEmpty: true }),
      field('enabled', 'bool'),
      field('package', 'text', { hint: packageHint }),
      field(
        'graceful_timeout',
        'duration',
        placeholder(defaults.process.graceful_timeout.parse(undefined)),
      ),
    ],
  },
  {
    title: 'Process',
    when: isProcess,
    fields: [
      field('executable_path', 'text', { keepEmpty: true }),
      field('args', 'list'),
      field('environment', 'map'),
      field('working_directory', 'text'),
      field('stop_signal', 'select', { options: STOP_SIGNALS, placeholder: 'SIGTERM' }),
    ],
  },
  {
    title: 'Module',
    when: isModule,
    fields: [
      field('module_type', 'select', { options: ['native', 'plugin'], keepEmpty: true }),
      field('module_name', 'module-name'),
      field('isolation', 'select', { options: ['inline', 'thread'], placeholder: 'inline' }),
      field('config', 'yaml'),
      field(
        'startup_timeout',
        'duration',
        placeholder(defaults.module.startup_timeout.parse(undefined)),
      ),
      field(
        'panic_threshold',
        'int',
        placeholder(defaults.module.panic_threshold.parse(undefined)),
      ),
    ],
  },
  {
    title: 'Plugin',
    when: isPlugin,
    fields: [field('module_path', 'text'), field('entry_point', 'text')],
  },
  {
    title: 'Health check',
    path: ['health_check'],
    fields: [field('health_check.type', 'select', { options: HEALTH_CHECK_TYPES })],
  },
  {
    title: 'HTTP check',
    path: ['health_check', 'http'],
    when: checkType('http'),
    fields: [
      field('health_check.http.url', 'text', { keepEmpty: true }),
      field('health_check.http.method', 'select', {
        options: ['GET', 'HEAD', 'POST', 'PUT', 'OPTIONS'],
        placeholder: 'GET',
      }),
      field('health_check.http.expected_status', 'int-list', { placeholder: 'any 2xx' }),
      field('health_check.http.headers', 'map'),
    ],
  },
  {
    title: 'TCP check',
    path: ['health_check', 'tcp'],
    when: checkType('tcp'),
    fields: [
      field('health_check.tcp.host', 'text', placeholder('127.0.0.1')),
      field('health_check.tcp.port', 'int'),
    ],
  },
  {
    title: 'Exec check',
    path: ['health_check', 'exec'],
    when: checkType('exec'),
    fields: [field('health_check.exec.command', 'text'), field('health_check.exec.args', 'list')],
  },
  {
    title: 'Run options',
    path: ['health_check', 'run_options'],
    when: (w) => check(w) !== null,
    fields: [
      field('health_check.run_options.interval', 'duration', placeholder(defaults.run.interval)),
      field('health_check.run_options.timeout', 'duration', placeholder(defaults.run.timeout)),
      field(
        'health_check.run_options.initial_delay',
        'duration',
        placeholder(defaults.run.initial_delay),
      ),
      field('health_check.run_options.retries', 'int', placeholder(defaults.run.retries)),
    ],
  },
  {
    title: 'Memory limit',
    path: ['resources', 'memory'],
    fields: limitFields('memory', 'max_rss_mb'),
  },
  { title: 'CPU limit', path: ['resources', 'cpu'], fields: limitFields('cpu', 'max_percent') },
  {
    title: 'Restart',
    path: ['restart'],
    fields: [
      field('restart.policy', 'select', {
        options: RESTART_POLICIES,
        placeholder: defaults.restart.policy,
      }),
      field('restart.max_retries', 'int', placeholder(defaults.restart.max_retries)),
      field('restart.retry_delay', 'duration', placeholder(defaults.restart.retry_delay)),
      field('restart.backoff_factor', 'number', placeholder(defaults.restart.backoff_factor)),
      field('restart.max_delay', 'duration', placeholder(defaults.restart.max_delay)),
      field('restart.reset_after', 'duration', placeholder(defaults.restart.reset_after)),
    ],
  },
];

const m = defaults.master;
export const MASTER_FIELDS: FieldSpec[] = [
  masterField('log_level', 'select', {
    options: ['debug', 'info', 'warn', 'error'],
    placeholder: m.log_level,
  }),
  masterField('force_shutdown_timeout', 'duration', placeholder(m.force_shutdown_timeout)),
  masterField('log_lines', 'int', placeholder(m.log_lines)),
  masterField('sample_interval', 'duration', placeholder(m.sample_interval)),
  masterField('metrics_history', 'duration', placeholder(m.metrics_history)),
  masterField('health_history', 'int', placeholder(m.health_history)),
  masterField('memory_monitor.interval', 'duration', placeholder(m.memory_monitor.interval)),
  masterField('memory_monitor.threshold_mb', 'number', placeholder(m.memory_monitor.threshold_mb)),
];

export const GLOBAL_FIELDS: FieldSpec[] = [
  field('global.process_defaults', 'yaml'),
  field('global.module_defaults', 'yaml'),
];

/** Fields whose issues may sit below them (list items, map entries, parts of a YAML block). */
const HOLDS_PARTS = new Set<FieldKind>(['list', 'map', 'yaml', 'int-list']);

export function visibleSections(worker: WorkerData): SectionSpec[] {
  return WORKER_SECTIONS.filter((section) => !section.when || section.when(worker));
}

/** Whether a field (or section title) of the form shows an issue at this path below the owner. */
export function isShownBy(sections: readonly SectionSpec[], relative: string): boolean {
  return sections.some(
    (section) =>
      (section.path && section.path.join('.') === relative) ||
      section.fields.some((f) =>
        HOLDS_PARTS.has(f.kind) ? isWithin(relative, f.name) : relative === f.name,
      ),
  );
}

export function holdsParts(kind: FieldKind): boolean {
  return HOLDS_PARTS.has(kind);
}
