// One field of the form: its label, its input for the field's kind, and its problems beside it.
import { useId } from 'react';
import { assertNever } from '../../../../shared/types.js';
import { FieldErrors, describedBy } from './FieldErrors.js';
import { ListField } from './ListField.js';
import { MapField } from './MapField.js';
import { YamlField } from './YamlField.js';
import { setCheckType, setValue } from './edit-actions.js';
import { formatValue, parseInput, scalarText } from './field-values.js';
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
  /** The value global.process_defaults or module_defaults gives when the field is empty. */
  inherited?: unknown;
  /** A line under the field on what it is for. */
  hint?: string;
}

/** What an empty field means: the inherited value, else the schema's default. */
function emptyMeaning(props: FieldProps): { text: string; global: boolean } | null {
  if (props.inherited !== undefined) return { text: scalarText(props.inherited), global: true };
  return props.spec.placeholder === undefined
    ? null
    : { text: props.spec.placeholder, global: false };
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
  const hintId = `${inputId}-hint`;
  const problems = describedBy(errorsId, own);
  const describedIds = [props.hint ? hintId : undefined, problems['aria-describedby']]
    .filter((part) => part !== undefined)
    .join(' ');
  const shared = {
    id: inputId,
    'aria-label': spec.name,
    ...problems,
    'aria-describedby': describedIds === '' ? undefined : describedIds,
  };
  const hint = props.hint ? (
    <p className="field-hint" id={hintId}>
      {props.hint}
    </p>
  ) : null;

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
      {hint}
      <FieldErrors id={errorsId} issues={own} />
    </div>
  );
}

type InputProps = FieldProps & {
  path: PathSegment[];
  shared: {
    id: string;
    'aria-label': string;
    'aria-invalid': true | undefined;
    'aria-describedby': string | undefined;
  };
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

function SelectInput(props: InputProps & { options: readonly string[] }) {
  const { spec, value, path, shared, options } = props;
  const current = typeof value === 'string' ? value : '';
  // A value the list does not know (a typo in the file) stays visible, and so does its error.
  const choices = current !== '' && !options.includes(current) ? [...options, current] : options;
  const isCheckType = spec.name === 'health_check.type';
  const meaning = emptyMeaning(props);
  const empty = isCheckType
    ? '(none)'
    : meaning
      ? `(${meaning.global ? 'global' : 'default'}: ${meaning.text})`
      : '';
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

function TextInput(props: InputProps) {
  const { spec, value, path, shared } = props;
  const [draft, change] = useDraft(formatValue(spec.kind, value));
  const meaning = emptyMeaning(props);
  return (
    <input
      {...shared}
      type="text"
      value={draft}
      placeholder={meaning ? `${meaning.text}${meaning.global ? ' (global)' : ''}` : undefined}
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
