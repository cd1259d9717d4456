// The compiler-style rendering of config problems that `hsu-master validate` prints.
import type { ConfigProblem } from '../../../shared/api-contract.js';

/** `FILE:LINE:COL message` */
export function formatProblem(problem: ConfigProblem): string {
  return `${problem.file}:${problem.line}:${problem.column} ${problem.message}`;
}

/** One problem per line, in the order given. */
export function formatProblems(problems: readonly ConfigProblem[]): string {
  return problems.map(formatProblem).join('\n');
}
