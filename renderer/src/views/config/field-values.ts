// Between the text of an input and the value written to workers.yaml.
import type { FieldKind, WorkerData } from './worker-fields.js';

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)$/;

/** What an input shows for a value. */
export function formatValue(kind: FieldKind, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (kind === 'int-list' && Array.isArray(value)) return value.map(String).join(', ');
  return scalarText(value);
}

/** A value as one line of text: scalars as written, anything else as JSON. */
export function scalarText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  return JSON.stringify(value) ?? '';
}

/**
 * The value for an input's text; undefined removes the key so the default applies. Text that
 * is not a number stays text, so that the schema can say what is wrong with it.
 */
export function parseInput(kind: FieldKind, text: string, keepEmpty = false): unknown {
  const trimmed = text.trim();
  switch (kind) {
    case 'int':
    case 'number':
      if (trimmed === '') return undefined;
      return NUMBER.test(trimmed) ? Number(trimmed) : trimmed;
    case 'int-list':
      if (trimmed === '') return undefined;
      return trimmed
        .split(/[\s,]+/)
        .filter((part) => part !== '')
        .map((part) => (NUMBER.test(part) ? Number(part) : part));
    case 'duration':
      return trimmed === '' ? undefined : trimmed;
    default:
      return text === '' && !keepEmpty ? undefined : text;
  }
}

/** The value at a path inside parsed data, or undefined. */
export function valueAt(data: unknown, key: readonly (string | number)[]): unknown {
  let node: unknown = data;
  for (const segment of key) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

const isMap = (value: unknown): value is WorkerData =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** global.process_defaults or global.module_defaults, whichever the worker's type takes. */
export function workerDefaults(file: unknown, worker: WorkerData): WorkerData | null {
  const key =
    worker['type'] === 'process'
      ? 'process_defaults'
      : worker['type'] === 'module'
        ? 'module_defaults'
        : null;
  const defaults = key === null ? undefined : valueAt(file, ['global', key]);
  return isMap(defaults) ? defaults : null;
}
