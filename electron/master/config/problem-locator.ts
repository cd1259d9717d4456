// Places pending problems in the text. A worker field that came from global.*_defaults is
// reported where the default is written, under the defaults' path.
import type { Document, LineCounter } from 'yaml';
import type { ConfigProblem } from '../../../shared/api-contract.js';
import type { PendingProblem } from './issue-messages.js';
import type { WorkerKind } from './merge-defaults.js';
import {
  findNode,
  formatPath,
  matchOffset,
  type NodeMatch,
  type PathSegment,
} from './positions.js';

interface Placed {
  match: NodeMatch;
  path: PathSegment[];
}

export class ProblemLocator {
  constructor(
    private readonly file: string,
    private readonly doc: Document,
    private readonly lineCounter: LineCounter,
    /** Each worker's type as written, to know which defaults map it drew from. */
    private readonly workerKinds: readonly (WorkerKind | null)[],
  ) {}

  private place(path: readonly PathSegment[]): Placed {
    const own: Placed = { match: findNode(this.doc, path), path: [...path] };
    if (own.match.depth === path.length) return own;
    const [head, index, ...rest] = path;
    const kind = head === 'workers' && typeof index === 'number' ? this.workerKinds[index] : null;
    if (!kind || rest.length === 0) return own;
    const defaultsPath = ['global', `${kind}_defaults`, ...rest];
    const fromDefaults = findNode(this.doc, defaultsPath);
    if (fromDefaults.depth === defaultsPath.length) {
      return { match: fromDefaults, path: defaultsPath };
    }
    // Missing everywhere: keep the worker's path, point at the deepest part that does exist.
    const ownRest = own.match.depth - 2;
    const defaultsRest = fromDefaults.depth - 2;
    return defaultsRest > Math.max(ownRest, 0) ? { match: fromDefaults, path: [...path] } : own;
  }

  /** Line and column (1-based) of a path, as placed for problems. */
  position(path: readonly PathSegment[], target: 'key' | 'value' = 'value') {
    const { match } = this.place(path);
    return this.lineCounter.linePos(matchOffset(match, target));
  }

  toProblem(pending: PendingProblem): ConfigProblem {
    const placed = this.place(pending.path);
    const { line, col } = this.lineCounter.linePos(matchOffset(placed.match, pending.target));
    const path = formatPath(placed.path);
    return {
      file: this.file,
      line,
      column: col,
      path,
      message: path === '' ? pending.message : `${path}: ${pending.message}`,
    };
  }

  /** A problem at a text offset, for YAML syntax errors. */
  atOffset(offset: number, path: readonly PathSegment[], message: string): ConfigProblem {
    const { line, col } = this.lineCounter.linePos(offset);
    const dotted = formatPath(path);
    return {
      file: this.file,
      line,
      column: col,
      path: dotted,
      message: dotted === '' ? message : `${dotted}: ${message}`,
    };
  }
}

/** Sorted by position, with repeats (one bad default seen through many workers) dropped. */
export function settleProblems(problems: readonly ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  const unique = problems.filter((problem) => {
    const key = `${problem.line}:${problem.column}:${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(
    (a, b) => a.line - b.line || a.column - b.column || a.path.localeCompare(b.path),
  );
}
