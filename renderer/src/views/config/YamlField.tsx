// A free-form map (a module's config, the global defaults) as a small YAML or JSON text area.
import { useId } from 'react';
import { parse, stringify } from 'yaml';
import { setYamlValue } from './edit-actions.js';
import type { GroupProps } from './ListField.js';
import { useDraft } from './use-draft.js';
import { useDraftProblem } from './use-draft-problem.js';

function show(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object' && Object.keys(value).length === 0) return '';
  return stringify(value, { lineWidth: 0 });
}

/** The map a text stands for (JSON is YAML too), or why it cannot be used. */
export function readYamlMap(
  text: string,
): { ok: true; value: unknown } | { ok: false; problem: string } {
  if (text.trim() === '') return { ok: true, value: undefined };
  let value: unknown;
  try {
    value = parse(text, { prettyErrors: false });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ok: false, problem: `not valid YAML: ${reason}` };
  }
  if (value === null || value === undefined) return { ok: true, value: undefined };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, problem: 'must be a map of key: value lines' };
  }
  return { ok: true, value };
}

export function YamlField({ spec, path, value, errorsId, issues }: GroupProps) {
  const id = useId();
  const [draft, change] = useDraft(show(value));
  const read = readYamlMap(draft);
  const problem = read.ok ? null : read.problem;
  useDraftProblem(path.join('.'), problem === null ? null : `${spec.name}: ${problem}`);
  const problemId = `${id}-problem`;
  const describedBy = [problem ? problemId : '', issues.length > 0 ? errorsId : '']
    .join(' ')
    .trim();
  return (
    <>
      <label htmlFor={id}>{spec.label}</label>
      <textarea
        id={id}
        aria-label={spec.name}
        className="yaml-input"
        spellCheck={false}
        rows={Math.min(12, Math.max(3, draft.split('\n').length + 1))}
        value={draft}
        placeholder="key: value"
        aria-invalid={problem !== null || issues.length > 0 || undefined}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        onChange={(event) => {
          const text = event.target.value;
          const next = readYamlMap(text);
          change(text, next.ok ? show(next.value) : show(value));
          if (next.ok) setYamlValue(path, next.value);
        }}
      />
      {problem ? (
        <p className="field-error-inline" id={problemId} data-field-error={path.join('.')}>
          {problem}
        </p>
      ) : null}
    </>
  );
}
