// The form of one worker: its type's sections, each field with its problems beside it, and
// the problems the form has no field for listed at the top.
import { useId } from 'react';
import { FieldControl } from './FieldControl.js';
import { scalarText, valueAt } from './field-values.js';
import { isWithin, type FieldIssue } from './issues.js';
import { isShownBy, visibleSections, type SectionSpec, type WorkerData } from './worker-fields.js';
import type { PathSegment } from './yaml-document.js';

/** A scalar the defaults give at this path (maps merge key by key, so a nested key counts). */
function inheritedScalar(defaults: WorkerData | null, key: readonly PathSegment[]): unknown {
  const value = valueAt(defaults, key);
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? value
    : undefined;
}

export interface WorkerFormProps {
  index: number;
  worker: WorkerData;
  issues: readonly FieldIssue[];
  nativeModules: readonly string[];
  /** global.process_defaults or module_defaults, whichever applies to this worker's type. */
  defaults: WorkerData | null;
  onDuplicate: () => void;
  onRemove: () => void;
}

export function WorkerForm(props: WorkerFormProps) {
  const { index, worker, issues, nativeModules, defaults, ...actions } = props;
  const headingId = useId();
  const id = typeof worker['id'] === 'string' ? worker['id'] : '';
  const base = ['workers', index];
  const prefix = `workers.${index}`;
  const own = issues.filter((issue) => isWithin(issue.path, prefix));
  const sections = visibleSections(worker);
  const unplaced = own.filter((issue) => !isShownBy(sections, issue.path.slice(prefix.length + 1)));
  return (
    <section
      className="worker-form panel"
      aria-labelledby={headingId}
      data-config-worker={id}
      data-config-index={index}
    >
      <header className="worker-form-header">
        <h2 id={headingId}>{id === '' ? '(no id)' : id}</h2>
        <span className="badge">{scalarText(worker['type']) || 'unknown type'}</span>
        <span className="spacer" />
        <button type="button" onClick={actions.onDuplicate}>
          Duplicate
        </button>
        <button type="button" className="danger" onClick={actions.onRemove}>
          Remove
        </button>
      </header>
      {unplaced.length > 0 ? (
        <ul className="field-errors worker-errors" aria-label="Other problems of this worker">
          {unplaced.map((issue, n) => (
            <li key={n} data-field-error={issue.path} data-issue-source={issue.source}>
              <code>{issue.path.slice(prefix.length + 1) || 'worker'}</code>: {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
      {sections.map((section) => (
        <Section
          key={section.title}
          section={section}
          base={base}
          worker={worker}
          issues={own}
          nativeModules={nativeModules}
          defaults={defaults}
        />
      ))}
    </section>
  );
}

function Section(props: {
  section: SectionSpec;
  base: (string | number)[];
  worker: WorkerData;
  issues: readonly FieldIssue[];
  nativeModules: readonly string[];
  defaults: WorkerData | null;
}) {
  const { section, base, worker, issues, defaults } = props;
  const sectionPath = section.path ? [...base, ...section.path].join('.') : null;
  const own = sectionPath ? issues.filter((issue) => issue.path === sectionPath) : [];
  return (
    <fieldset className="form-section" aria-label={section.title}>
      <legend>{section.title}</legend>
      {own.length > 0 ? (
        <ul className="field-errors">
          {own.map((issue, n) => (
            <li key={n} data-field-error={issue.path} data-issue-source={issue.source}>
              {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="form-grid">
        {section.fields.map((spec) => (
          <FieldControl
            key={spec.name}
            spec={spec}
            base={base}
            value={valueAt(worker, spec.key)}
            issues={issues}
            nativeModules={props.nativeModules}
            moduleType={worker['module_type']}
            inherited={inheritedScalar(defaults, spec.key)}
            hint={spec.hint?.(worker)}
          />
        ))}
      </div>
    </fieldset>
  );
}
