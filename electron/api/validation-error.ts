// Turns zod's issues into one ApiError whose message names each field, so a script author
// reads `id: must be 1-64 characters ...` rather than a nested issue tree.
import type { z } from 'zod';
import { ApiError } from '../../shared/api-contract.js';

type Issue = z.core.$ZodIssue;

interface Problem {
  path: string;
  message: string;
}

export function validationError(error: z.ZodError): ApiError {
  // One problem per field: a huge number breaks both "safe integer" and "at most N", and the
  // first says enough.
  const seen = new Set<string>();
  const problems = error.issues
    .flatMap((issue) => describe(issue, []))
    .filter((p) => (seen.has(p.path) ? false : (seen.add(p.path), true)));
  const message = problems.map((p) => `${p.path}: ${p.message}`).join('; ');
  return new ApiError('validation', message, problems);
}

function describe(issue: Issue, prefix: PropertyKey[]): Problem[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: join([...path, key]), message: 'unknown field' }));
  }
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    // The branch with the fewest complaints is the one the caller most likely meant.
    const closest = issue.errors.reduce((best, next) => (next.length < best.length ? next : best));
    return closest.flatMap((inner) => describe(inner, path));
  }
  return [{ path: join(path), message: issue.message.replace(/^Invalid input: /, '') }];
}

function join(path: PropertyKey[]): string {
  return path.length === 0 ? 'input' : path.map(String).join('.');
}
