// The master section and the global defaults of workers.yaml.
import { FieldControl } from './FieldControl.js';
import { valueAt } from './field-values.js';
import { isWithin, type FieldIssue } from './issues.js';
import { GLOBAL_FIELDS, MASTER_FIELDS } from './worker-fields.js';

export function FileSettings({ data, issues }: { data: unknown; issues: readonly FieldIssue[] }) {
  const others = issues.filter(
    (issue) =>
      (isWithin(issue.path, 'master') || isWithin(issue.path, 'global')) &&
      ![...MASTER_FIELDS, ...GLOBAL_FIELDS].some((spec) =>
        spec.kind === 'yaml' ? isWithin(issue.path, spec.name) : issue.path === spec.name,
      ),
  );
  return (
    <section className="file-settings panel" aria-label="Master and defaults">
      <fieldset className="form-section" aria-label="master">
        <legend>Master</legend>
        <div className="form-grid">
          {MASTER_FIELDS.map((spec) => (
            <FieldControl
              key={spec.name}
              spec={spec}
              base={[]}
              value={valueAt(data, spec.key)}
              issues={issues}
            />
          ))}
        </div>
      </fieldset>
      <fieldset className="form-section" aria-label="global">
        <legend>Global defaults</legend>
        <p className="muted">
          Fields merged under every worker of that type; a worker&apos;s own value wins.
        </p>
        {GLOBAL_FIELDS.map((spec) => (
          <FieldControl
            key={spec.name}
            spec={spec}
            base={[]}
            value={valueAt(data, spec.key)}
            issues={issues}
          />
        ))}
      </fieldset>
      {others.length > 0 ? (
        <ul className="field-errors">
          {others.map((issue, n) => (
            <li key={n} data-field-error={issue.path} data-issue-source={issue.source}>
              <code>{issue.path}</code>: {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
