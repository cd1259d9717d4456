// Everything that holds Save back, in one list, named by worker id where there is one.
import type { FieldIssue } from './issues.js';

export interface Problem {
  path: string;
  message: string;
  source: FieldIssue['source'] | 'draft';
}

/** `workers.2.args.0` reads as `api: args.0` when worker 2 is called api. */
export function describePath(path: string, workerIds: readonly string[]): string {
  const match = /^workers\.(\d+)(?:\.(.*))?$/.exec(path);
  if (!match) return path === '' ? 'file' : path;
  const id = workerIds[Number(match[1])] || `worker ${Number(match[1]) + 1}`;
  return match[2] ? `${id}: ${match[2]}` : id;
}

export function ProblemSummary({
  problems,
  workerIds,
}: {
  problems: readonly Problem[];
  workerIds: readonly string[];
}) {
  if (problems.length === 0) return null;
  return (
    <section
      className="problem-summary"
      aria-labelledby="problem-summary-heading"
      data-problems={problems.length}
    >
      <h2 id="problem-summary-heading">
        {problems.length} problem{problems.length === 1 ? '' : 's'} to fix before saving
      </h2>
      <ul>
        {problems.map((problem, index) => (
          <li key={index} data-problem-path={problem.path} data-issue-source={problem.source}>
            <strong>{describePath(problem.path, workerIds)}</strong> {problem.message}
            {problem.source === 'server' ? (
              <span className="muted"> (checked by the master)</span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
