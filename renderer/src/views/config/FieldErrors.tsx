import type { FieldIssue } from './issues.js';

/** The problems of one field, beside it; the field points here with aria-describedby. */
export function FieldErrors({ id, issues }: { id: string; issues: readonly FieldIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <ul className="field-errors" id={id}>
      {issues.map((issue, index) => (
        <li key={index} data-field-error={issue.path} data-issue-source={issue.source}>
          {issue.message}
        </li>
      ))}
    </ul>
  );
}

/** The attributes that tie an input to its problems. */
export function describedBy(id: string, issues: readonly FieldIssue[]) {
  return issues.length > 0
    ? { 'aria-invalid': true as const, 'aria-describedby': id }
    : { 'aria-invalid': undefined, 'aria-describedby': undefined };
}
