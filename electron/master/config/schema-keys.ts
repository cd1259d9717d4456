// Reads the shared zod schema to learn which keys a map may hold at a given path: for "did you
// mean" suggestions and for checking the defaults maps, which the schema itself types loosely.
import { z } from 'zod';
import { isPlainObject } from './merge-defaults.js';
import type { PathSegment } from './positions.js';

function unwrap(schema: unknown): unknown {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodDefault) {
      current = current.unwrap();
    } else if (current instanceof z.ZodNullable) {
      current = current.unwrap();
    } else if (current instanceof z.ZodPipe) {
      current = current.in;
    } else {
      return current;
    }
  }
}

/** For a union of objects, the option whose literal discriminator matches the data. */
function pickOption(union: z.ZodUnion, data: unknown): unknown {
  const options = union.options.map(unwrap);
  if (!isPlainObject(data)) return null;
  for (const option of options) {
    if (!(option instanceof z.ZodObject)) continue;
    const matches = Object.entries(option.shape).some(([key, field]) => {
      const literal = unwrap(field);
      return literal instanceof z.ZodLiteral && literal.values.has(data[key] as never);
    });
    if (matches) return option;
  }
  return null;
}

function step(schema: unknown, data: unknown, segment: PathSegment): unknown {
  const here = unwrap(schema);
  if (here instanceof z.ZodUnion) return step(pickOption(here, data), data, segment);
  if (here instanceof z.ZodObject) return (here.shape as Record<string, unknown>)[String(segment)];
  if (here instanceof z.ZodArray) return here.element;
  if (here instanceof z.ZodRecord) return here.valueType;
  return null;
}

function dataAt(data: unknown, segment: PathSegment): unknown {
  if (Array.isArray(data) && typeof segment === 'number') return data[segment] as unknown;
  if (isPlainObject(data)) return data[String(segment)];
  return undefined;
}

/** The keys a strict map at `path` may hold, or null when the path is not such a map. */
export function knownKeysAt(
  root: unknown,
  data: unknown,
  path: readonly PathSegment[],
): string[] | null {
  let schema = root;
  let value = data;
  for (const segment of path) {
    schema = step(schema, value, segment);
    value = dataAt(value, segment);
  }
  let here = unwrap(schema);
  if (here instanceof z.ZodUnion) here = unwrap(pickOption(here, value));
  return here instanceof z.ZodObject ? Object.keys(here.shape) : null;
}

export interface UnknownKey {
  /** Path of the map holding the key. */
  path: PathSegment[];
  key: string;
  known: string[];
}

/** Every key in `data` that `schema` does not know, walking nested maps and lists. */
export function findUnknownKeys(
  schema: unknown,
  data: unknown,
  path: PathSegment[] = [],
): UnknownKey[] {
  const here = unwrap(schema);
  const found: UnknownKey[] = [];
  if (here instanceof z.ZodObject && isPlainObject(data)) {
    const shape = here.shape as Record<string, unknown>;
    for (const [key, value] of Object.entries(data)) {
      if (key in shape) found.push(...findUnknownKeys(shape[key], value, [...path, key]));
      else found.push({ path, key, known: Object.keys(shape) });
    }
  } else if (here instanceof z.ZodArray && Array.isArray(data)) {
    data.forEach((item, index) =>
      found.push(...findUnknownKeys(here.element, item, [...path, index])),
    );
  } else if (here instanceof z.ZodRecord && isPlainObject(data)) {
    for (const [key, value] of Object.entries(data)) {
      found.push(...findUnknownKeys(here.valueType, value, [...path, key]));
    }
  }
  return found;
}
