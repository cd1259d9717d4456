// Loads workers.yaml: parses it, merges the global defaults under each worker, validates it
// against the shared schema and checks what the workers need, reporting every problem at once
// with its line and column.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { ConfigProblem } from '../../../shared/api-contract.js';
import {
  moduleWorker,
  processWorker,
  workersFile,
  type WorkerConfig,
} from '../../../shared/config-schema.js';
import {
  issueProblems,
  plainErrorMap,
  unknownKeyProblem,
  type PendingProblem,
} from './issue-messages.js';
import type { LoadedConfig } from './loaded-config.js';
import {
  isPlainObject,
  mergeWorkerDefaults,
  readDefaults,
  workerKind,
  type WorkerDefaults,
} from './merge-defaults.js';
import { firstKeyOffset, pathAtOffset } from './positions.js';
import { ProblemLocator, settleProblems } from './problem-locator.js';
import { partialWorker } from './partial-worker.js';
import { resolveWorker } from './resolve-worker.js';
import { findUnknownKeys, knownKeysAt } from './schema-keys.js';

export { formatProblem, formatProblems } from './format.js';

export interface LoadOptions {
  /** Registered native module factories; when given, module_name must be one of them. */
  nativeModules?: readonly string[];
  /** Check that executables and working directories exist (default true). */
  checkExecutables?: boolean;
}

export type LoadResult =
  { ok: true; config: LoadedConfig; problems: [] } | { ok: false; problems: ConfigProblem[] };

const failed = (problems: ConfigProblem[]): LoadResult => ({
  ok: false,
  problems: settleProblems(problems),
});

/** Reads and loads a workers.yaml; an unreadable file is one problem at 1:1. */
export async function loadConfigFile(file: string, opts: LoadOptions = {}): Promise<LoadResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return failed([
      { file, line: 1, column: 1, path: '', message: `cannot read the file: ${reason}` },
    ]);
  }
  return loadConfigText(text, file, opts);
}

function syntaxProblems(doc: Document, lineCounter: LineCounter, locator: ProblemLocator) {
  let fatal = false;
  const problems = doc.errors.map((error) => {
    const offset = error.pos[0];
    const at = pathAtOffset(doc, offset);
    if (error.code !== 'DUPLICATE_KEY') {
      fatal = true;
      return locator.atOffset(offset, at, `YAML syntax error: ${error.message}`);
    }
    const first = firstKeyOffset(doc, at.slice(0, -1), String(at.at(-1)));
    const where =
      first === null || first === offset
        ? ''
        : ` (first at line ${lineCounter.linePos(first).line})`;
    return locator.atOffset(offset, at, `duplicate key${where}`);
  });
  return { problems, fatal };
}

/** Unknown keys in the defaults maps, and keys that cannot sensibly be shared. */
function defaultsProblems(defaults: WorkerDefaults): PendingProblem[] {
  const problems: PendingProblem[] = [];
  for (const [kind, schema] of [
    ['process', processWorker],
    ['module', moduleWorker],
  ] as const) {
    const values = defaults[kind];
    if (values === null) continue;
    const at = ['global', `${kind}_defaults`];
    for (const unknown of findUnknownKeys(schema, values, at)) {
      problems.push(unknownKeyProblem(unknown.path, unknown.key, unknown.known));
    }
    for (const own of ['id', 'type'].filter((key) => Object.hasOwn(values, key))) {
      const message = 'cannot be a default (each worker sets its own)';
      problems.push({ path: [...at, own], message, target: 'key' });
    }
  }
  return problems;
}

function duplicateIdProblems(workers: readonly unknown[], locator: ProblemLocator) {
  const firstIndex = new Map<string, number>();
  const problems: PendingProblem[] = [];
  workers.forEach((worker, index) => {
    const id = isPlainObject(worker) ? worker['id'] : undefined;
    if (typeof id !== 'string') return;
    const first = firstIndex.get(id);
    if (first === undefined) {
      firstIndex.set(id, index);
      return;
    }
    const line = locator.position(['workers', first, 'id']).line;
    const message = `duplicate worker id ${JSON.stringify(id)} (first at line ${line})`;
    problems.push({ path: ['workers', index, 'id'], message, target: 'value' });
  });
  return problems;
}

/**
 * Loads workers.yaml from text, as if read from `file` (relative paths resolve against its
 * folder). What a form editor validates before writing.
 */
export async function loadConfigText(
  text: string,
  file: string,
  opts: LoadOptions = {},
): Promise<LoadResult> {
  const dir = path.dirname(path.resolve(file));
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, merge: true });
  const rootLocator = new ProblemLocator(file, doc, lineCounter, []);
  const syntax = syntaxProblems(doc, lineCounter, rootLocator);
  // Past a syntax error the tree is a guess: checking it would report phantom problems.
  if (syntax.fatal) return failed(syntax.problems);

  let data: unknown;
  try {
    data = doc.toJS() ?? {};
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return failed([...syntax.problems, rootLocator.atOffset(0, [], reason)]);
  }
  if (!isPlainObject(data)) {
    const message = 'the file must be a map with "workers" (and optionally "master", "global")';
    return failed([...syntax.problems, rootLocator.atOffset(0, [], message)]);
  }

  const defaults = readDefaults(data);
  const rawWorkers: unknown[] = Array.isArray(data['workers']) ? data['workers'] : [];
  const merged = rawWorkers.map((worker) => mergeWorkerDefaults(worker, defaults));
  const input = Array.isArray(data['workers']) ? { ...data, workers: merged } : data;
  const locator = new ProblemLocator(file, doc, lineCounter, rawWorkers.map(workerKind));

  const pending: PendingProblem[] = [];
  const parsed = workersFile.safeParse(input, { reportInput: true, error: plainErrorMap });
  for (const issue of parsed.error?.issues ?? []) {
    pending.push(...issueProblems(issue, (at) => knownKeysAt(workersFile, input, at)));
  }
  pending.push(...defaultsProblems(defaults), ...duplicateIdProblems(rawWorkers, locator));

  const ctx = {
    dir,
    nativeModules: opts.nativeModules,
    checkExecutables: opts.checkExecutables ?? true,
  };
  const resolved = await Promise.all(
    merged.map(async (worker, index) => {
      const partial = partialWorker(worker);
      if (partial === null) return null;
      const result = await resolveWorker(partial.worker, index, ctx);
      // A check on a field the schema already rejected would only repeat that problem.
      const problems = result.problems.filter((p) => !partial.setAside.has(String(p.path[2])));
      return { worker: result.worker, problems };
    }),
  );
  const workers: WorkerConfig[] = [];
  for (const result of resolved) {
    if (result === null) continue;
    pending.push(...result.problems);
    workers.push(result.worker);
  }

  const problems = [...syntax.problems, ...pending.map((p) => locator.toProblem(p))];
  if (problems.length > 0 || !parsed.success) return failed(problems);
  return {
    ok: true,
    config: { path: path.resolve(file), dir, master: parsed.data.master, workers },
    problems: [],
  };
}
