// Problems of the edited file, each placed at a field path: the shared schema's issues (checked
// here, as the operator types) and the problems only the master can find (config.validate).
import type { z } from 'zod';
import type { ConfigProblem } from '../../../../shared/api-contract.js';
import { workersFile } from '../../../../shared/config-schema.js';
import type { PathSegment } from './yaml-document.js';

export interface FieldIssue {
  /** Dotted path from the top of the file: `workers.0.health_check.tcp.port`. */
  path: string;
  message: string;
  source: 'form' | 'server';
}

export const dotted = (path: readonly PropertyKey[]): string => path.map(String).join('.');

/** Whether an issue at `issuePath` belongs to the field at `fieldPath` (or lies inside it). */
export function isWithin(issuePath: string, fieldPath: string): boolean {
  return issuePath === fieldPath || issuePath.startsWith(`${fieldPath}.`);
}

/**
 * The master's paths (`workers[0].environment["A-B"]`) as segments. The master also prefixes
 * each message with that path, which a message shown beside its field does not need.
 */
export function parseProblemPath(text: string): PathSegment[] {
  const segments: PathSegment[] = [];
  const pattern = /\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\.?([^.[\]]+)/gy;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    if (match[1] !== undefined) segments.push(Number(match[1]));
    else if (match[2] !== undefined) segments.push(JSON.parse(match[2]) as string);
    else if (match[3] !== undefined) segments.push(match[3]);
    if (pattern.lastIndex === text.length) break;
  }
  return segments;
}

export function serverIssues(problems: readonly ConfigProblem[]): FieldIssue[] {
  return problems.map((problem) => {
    const prefix = `${problem.path}: `;
    const message = problem.message.startsWith(prefix)
      ? problem.message.slice(prefix.length)
      : problem.message;
    return { path: dotted(parseProblemPath(problem.path)), message, source: 'server' };
  });
}

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a map',
  record: 'a map',
  array: 'a list',
};

function shown(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value;
}

/** Words for the issues whose schema gave none of its own. */
export const plainMessages: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${shown(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'must not be empty';
      return `must be ${issue.inclusive === false ? 'greater than' : 'at least'} ${issue.minimum}`;
    case 'too_big':
      return `must be ${issue.inclusive === false ? 'less than' : 'at most'} ${issue.maximum}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      return `${shown(issue.input)} is not a valid ${issue.format}`;
    default:
      return undefined;
  }
};

type Data = Record<string, unknown>;
const isMap = (value: unknown): value is Data =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The loader's rule: the type's defaults under the worker; maps merge, the worker's value wins. */
function mergeUnder(base: Data, over: Data): Data {
  const out: Data = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const under = out[key];
    out[key] = isMap(under) && isMap(value) ? mergeUnder(under, value) : value;
  }
  return out;
}

function has(data: unknown, path: readonly PropertyKey[]): boolean {
  let node = data;
  for (const key of path) {
    if (!isMap(node) && !Array.isArray(node)) return false;
    if (!Object.hasOwn(node, key)) return false;
    node = (node as Data)[key as string];
  }
  return true;
}

/** The schema's issues with the file, as the master would merge defaults before checking. */
export function formIssues(data: unknown): FieldIssue[] {
  if (!isMap(data)) return [{ path: '', message: 'the file must be a map', source: 'form' }];
  const global = isMap(data['global']) ? data['global'] : {};
  const defaultsOf = (kind: unknown): [string, Data] | null => {
    const key = kind === 'process' || kind === 'module' ? `${kind}_defaults` : null;
    const values = key ? global[key] : undefined;
    return key && isMap(values) ? [key, values] : null;
  };
  const raw: unknown[] = Array.isArray(data['workers']) ? data['workers'] : [];
  const merged = raw.map((worker) => {
    const defaults = isMap(worker) ? defaultsOf(worker['type']) : null;
    return defaults && isMap(worker) ? mergeUnder(defaults[1], worker) : worker;
  });
  const input = Array.isArray(data['workers']) ? { ...data, workers: merged } : data;
  const parsed = workersFile.safeParse(input, { error: plainMessages });

  const issues: FieldIssue[] = [];
  for (const issue of parsed.error?.issues ?? []) {
    const at = placeIssue(issue.path, raw, defaultsOf);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        issues.push({ path: dotted([...at, key]), message: 'unknown key', source: 'form' });
      }
    } else {
      issues.push({ path: dotted(at), message: issue.message, source: 'form' });
    }
  }
  return [...issues, ...duplicateIds(raw)];
}

/** A problem in a value the worker inherits is shown where the default is written. */
function placeIssue(
  path: readonly PropertyKey[],
  raw: readonly unknown[],
  defaultsOf: (kind: unknown) => [string, Data] | null,
): readonly PropertyKey[] {
  if (path[0] !== 'workers' || typeof path[1] !== 'number' || path.length < 3) return path;
  const worker = raw[path[1]];
  const rest = path.slice(2);
  if (has(worker, rest) || !isMap(worker)) return path;
  const defaults = defaultsOf(worker['type']);
  return defaults && has(defaults[1], rest) ? ['global', defaults[0], ...rest] : path;
}

function duplicateIds(workers: readonly unknown[]): FieldIssue[] {
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  workers.forEach((worker, index) => {
    const id = isMap(worker) ? worker['id'] : undefined;
    if (typeof id !== 'string') return;
    if (seen.has(id)) {
      const message = `another worker already has the id ${JSON.stringify(id)}`;
      issues.push({ path: dotted(['workers', index, 'id']), message, source: 'form' });
    }
    seen.add(id);
  });
  return issues;
}

/**
 * Everything wrong with the text: the form's own issues, and the master's for the same text
 * where the form has nothing to say at that path (the two word the same issue differently).
 */
export function combineIssues(form: FieldIssue[], server: FieldIssue[] | null): FieldIssue[] {
  if (!server) return form;
  const placed = new Set(form.map((issue) => issue.path));
  return [...form, ...server.filter((issue) => !placed.has(issue.path))];
}

/** Issues that belong to one worker, by index. */
export function workerIssueCount(issues: readonly FieldIssue[], index: number): number {
  return issues.filter((issue) => isWithin(issue.path, `workers.${index}`)).length;
}
