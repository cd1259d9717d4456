// A worker that failed validation may still name a missing executable or module file. To report
// those too, the fields with problems are set aside and the rest is checked on its own.
import {
  moduleWorker,
  processWorker,
  workerConfig,
  type WorkerConfig,
} from '../../../shared/config-schema.js';
import { isPlainObject } from './merge-defaults.js';
import { closestMatch } from './suggest.js';

const FIELDS = [...Object.keys(processWorker.shape), ...Object.keys(moduleWorker.shape)];

export interface PartialWorker {
  worker: WorkerConfig;
  /** Top-level fields rejected by the schema (or misspelt); empty when the worker is valid. */
  setAside: ReadonlySet<string>;
}

/** Stands in for a missing or malformed id, which the file checks never look at. */
const PLACEHOLDER_ID = 'worker';

export function partialWorker(raw: unknown): PartialWorker | null {
  const full = workerConfig.safeParse(raw);
  if (full.success) return { worker: full.data, setAside: new Set() };
  if (!isPlainObject(raw)) return null;
  const rest: Record<string, unknown> = { ...raw };
  const setAside = new Set<string>();
  for (const issue of full.error.issues) {
    const [field] = issue.path;
    if (field !== undefined) setAside.add(String(field));
    else if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        setAside.add(key);
        // A misspelt field is no missing field: "exectuable_path" should not also yield
        // "executable_path is required".
        const meant = closestMatch(key, FIELDS);
        if (meant !== null) setAside.add(meant);
      }
    }
  }
  for (const field of setAside) delete rest[field];
  if (setAside.has('id')) rest['id'] = PLACEHOLDER_ID;
  const partial = workerConfig.safeParse(rest);
  return partial.success ? { worker: partial.data, setAside } : null;
}
