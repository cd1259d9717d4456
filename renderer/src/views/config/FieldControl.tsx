// One field of the form: its label, its input for the field's kind, and its problems beside it.
import { useId } from 'react';
import { assertNever } from '../../../../shared/types.js';
import { FieldErrors, describedBy } from './FieldErrors.js';
import { ListField } from './ListField.js';
import { MapField } from './MapField.js';
import { YamlField } from './YamlField.js';
import { setCheckType, setValue } from './edit-actions.js';
import { formatValue, parseInput } from './field-values.js';
import { isWithin, type FieldIssue } from './issues.js';
import { useDraft } from './use-draft.js';
import { holdsParts, type FieldSpec } from './worker-fields.js';
import type { PathSegment } from './yaml-document.js';

export interface FieldProps {
  spec: FieldSpec;
  /** Where the owner (a worker, or the file) sits in the file. */
  base: PathSegment[];
  value: unknown;
  issues: readonly FieldIssue[];
  /** Registered native module names, for module_name. */
  nativeModules?: readonly string[];
  moduleType?: unknown;
}

export function FieldControl(props: FieldProps) {
  const { spec, base, issues } = props;
  const path = [...base, ...spec.key];
  const dottedPath = path.join('.');
  const own = issues.filter((issue) =>
    holdsParts(spec.kind) ? isWithin(issue.path, dottedPath) : issue.path === dottedPath,
  );
  const inputId = useId();
  const errorsId = `${inputId}-errors`;
  const shared = { id: inputId, 'aria-label': spec.name, ...describedBy(errorsId, own) };

  if (spec.kind === 'list' || spec.kind === 'map' || spec.kind === 'yaml') {
    const Group = spec.kind === 'list' ? ListField : spec.kind === 'map' ? MapField : YamlField;
    return (
      <div className={`form-field form-field-${spec.kind}`} data-field={dottedPath}>
        <Group spec={spec} path={path} value={props.value} issues={own} errorsId={errorsId} />
        <FieldErrors id={errorsId} issues={own} />
      </div>
    );
  }
  return (
    <div className={`form-field form-field-${spec.kind}`} data-field={dottedPath}>
      <label htmlFor={inputId}>{spec.label}</label>
      <Input {...props} path={path} shared={shared} />
      <FieldErrors id={errorsId} issues={own} />
    </div>
  );
}

type InputProps = FieldProps & {
  path: PathSegment[];
  shared: { id: string; 'aria-label': string };
};

function Input(props: InputProps) {
  const { spec, value, path, shared } = props;
  switch (spec.kind) {
    case 'bool':
      return (
        <input
          {...shared}
          type="checkbox"
          checked={value !== false}
          onChange={(event) => setValue(path, event.target.checked ? undefined : false)}
        />
      );
    case 'select':
      return <SelectInput {...props} options={spec.options ?? []} />;
    case 'module-name':
      return props.moduleType === 'native' ? (
        <SelectInput {...props} options={props.nativeModules ?? []} />
      ) : (
        <TextInput {...props} />
      );
    case 'text':
    case 'duration':
    case 'int':
    case 'number':
    case 'int-list':
      return <TextInput {...props} />;
    case 'list':
    case 'map':
    case 'yaml':
      return null;
    default:
      return assertNever(spec.kind, 'field kind');
  }
}

function SelectInput({
  spec,
  value,
  path,
  shared,
  options,
}: InputProps & { options: readonly string[] }) {
  const current = typeof value === 'string' ? value : '';
  // A value the list does not know (a typo in the file) stays visible, and so does its error.
  const choices = current !== '' && !options.includes(current) ? [...options, current] : options;
  const isCheckType = spec.name === 'health_check.type';
  const empty = isCheckType ? '(none)' : spec.placeholder ? `(default: ${spec.placeholder})` : '';
  return (
    <select
      {...shared}
      value={current}
      onChange={(event) => {
        const next = event.target.value;
        if (isCheckType) setCheckType(path.slice(0, -2), next);
        else setValue(path, next === '' && !spec.keepEmpty ? undefined : next);
      }}
    >
      {spec.keepEmpty && current !== '' ? null : <option value="">{empty}</option>}
      {choices.map((option) => (
        <option key={option} value={option}>
          {option}
        </option>
      ))}
    </select>
  );
}

function TextInput({ spec, value, path, shared }: InputProps) {
  const [draft, change] = useDraft(formatValue(spec.kind, value));
  return (
    <input
      {...shared}
      type="text"
      value={draft}
      placeholder={spec.placeholder}
      spellCheck={false}
      inputMode={spec.kind === 'int' || spec.kind === 'number' ? 'decimal' : undefined}
      onChange={(event) => {
        const text = event.target.value;
        const next = parseInput(spec.kind, text, spec.keepEmpty);
        change(text, formatValue(spec.kind, next));
        setValue(path, next);
      }}
    />
  );
}
