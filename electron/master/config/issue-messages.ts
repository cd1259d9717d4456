// Turns zod issues into plain-worded problems. Messages written into the shared schema win; this
// covers what zod would otherwise say in its own terms ("expected int, received string").
import type { z } from 'zod';
import type { PathSegment } from './positions.js';
import { didYouMean } from './suggest.js';

/** A problem before it is placed in the text: its field path and what is wrong. */
export interface PendingProblem {
  path: PathSegment[];
  message: string;
  /** Point at the key rather than its value (unknown keys). */
  target: 'key' | 'value';
}

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a map (key: value)',
  record: 'a map (key: value)',
  array: 'a list',
};

/** A short rendering of a YAML value for messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  return typeof value;
}

const quoteAll = (values: readonly unknown[]): string =>
  values.map((value) => JSON.stringify(value)).join(', ');

function bound(origin: string, limit: number | bigint, inclusive: boolean, side: 'min' | 'max') {
  if (origin === 'string') {
    return side === 'min' && limit === 1
      ? 'must not be empty'
      : `must be ${side === 'min' ? 'at least' : 'at most'} ${limit} characters`;
  }
  if (origin === 'array') {
    const items = limit === 1 ? 'item' : 'items';
    return `must have ${side === 'min' ? 'at least' : 'at most'} ${limit} ${items}`;
  }
  if (side === 'min')
    return inclusive ? `must be at least ${limit}` : `must be greater than ${limit}`;
  return inclusive ? `must be at most ${limit}` : `must be less than ${limit}`;
}

/** The wording for issues whose schema gave no message of its own. */
export const plainErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return (
        `must be ${EXPECTED[issue.expected] ?? issue.expected}, ` +
        `not ${describeValue(issue.input)}`
      );
    case 'too_small':
      return bound(issue.origin, issue.minimum, issue.inclusive ?? true, 'min');
    case 'too_big':
      return bound(issue.origin, issue.maximum, issue.inclusive ?? true, 'max');
    case 'invalid_value': {
      const allowed = quoteAll(issue.values);
      if (issue.input === undefined) return `is required (one of ${allowed})`;
      const hint =
        typeof issue.input === 'string' ? didYouMean(issue.input, issue.values.map(String)) : '';
      const choice = issue.values.length === 1 ? `must be ${allowed}` : `must be one of ${allowed}`;
      return `${describeValue(issue.input)} is not allowed: ${choice}${hint}`;
    }
    case 'invalid_format':
      return `${describeValue(issue.input)} is not a valid ${issue.format}`;
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length === 1 ? '' : 's'} ${quoteAll(issue.keys)}`;
    case 'invalid_union':
      return 'matches none of the allowed forms';
    case 'invalid_key':
      return 'has a key that is not allowed';
    case 'invalid_element':
      return 'has an entry that is not allowed';
    default:
      return undefined;
  }
};

function unionMessage(issue: z.core.$ZodIssue & { code: 'invalid_union' }): string {
  if (issue.discriminator === undefined || !('options' in issue) || !issue.options) {
    return issue.message;
  }
  const options = issue.options.map(String);
  const allowed = quoteAll(options);
  const input = issue.input as Record<string, unknown> | undefined;
  const value = input?.[issue.discriminator];
  if (value === undefined) return `is required (${allowed.replace(/, (?=[^,]*$)/, ' or ')})`;
  const hint = typeof value === 'string' ? didYouMean(value, options) : '';
  return `${describeValue(value)} is not one of ${allowed}${hint}`;
}

/** One or more problems for a zod issue; unknown keys yield one problem per key. */
export function issueProblems(
  issue: z.core.$ZodIssue,
  knownKeys: (path: PathSegment[]) => string[] | null,
): PendingProblem[] {
  const path = issue.path.map((segment) =>
    typeof segment === 'number' ? segment : String(segment),
  );
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(path) ?? [];
      return issue.keys.map((key) => ({
        path: [...path, key],
        message: `unknown key${didYouMean(key, known)}`,
        target: 'key',
      }));
    }
    case 'invalid_union':
      return [{ path, message: unionMessage(issue), target: 'value' }];
    case 'invalid_type':
      // A schema's own wording ("must be a string") reads wrongly for a field left out.
      if (issue.input === undefined) return [{ path, message: 'is required', target: 'value' }];
      return [{ path, message: issue.message, target: 'value' }];
    default:
      return [{ path, message: issue.message, target: 'value' }];
  }
}

/** The message for an unknown key found outside zod (the defaults maps). */
export function unknownKeyProblem(
  path: PathSegment[],
  key: string,
  known: readonly string[],
): PendingProblem {
  return { path: [...path, key], message: `unknown key${didYouMean(key, known)}`, target: 'key' };
}
