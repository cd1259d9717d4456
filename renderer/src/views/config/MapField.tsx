// A map of strings (environment, headers) as a key/value table; keys are renamed in place.
import { useState } from 'react';
import { removeMapKey, renameMapKey, setValue } from './edit-actions.js';
import { useDraftProblem } from './use-draft-problem.js';
import { scalarText } from './field-values.js';
import type { GroupProps } from './ListField.js';
import { freeId } from './yaml-document.js';

export function MapField({ spec, path, value, issues, errorsId }: GroupProps) {
  const entries: [string, unknown][] =
    value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : [];
  const keys = entries.map(([key]) => key);
  const dottedPath = path.join('.');
  return (
    <fieldset className="map-field" aria-label={spec.name}>
      <legend>{spec.label}</legend>
      {entries.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Value</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map(([key, item], index) => {
              const invalid = issues.some((issue) => issue.path === `${dottedPath}.${key}`);
              return (
                <tr key={index}>
                  <td>
                    <KeyInput
                      id={`${dottedPath}.${index}#name`}
                      name={`${spec.name} name ${index + 1}`}
                      current={key}
                      taken={keys}
                      onRename={(to) => renameMapKey(path, key, to)}
                    />
                  </td>
                  <td>
                    <input
                      type="text"
                      spellCheck={false}
                      aria-label={`${spec.name} ${key}`}
                      aria-invalid={invalid || undefined}
                      aria-describedby={invalid ? errorsId : undefined}
                      value={scalarText(item)}
                      onChange={(event) => setValue([...path, key], event.target.value)}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={`Remove ${spec.name} ${key}`}
                      onClick={() => removeMapKey(path, key)}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <button
        type="button"
        className="small"
        onClick={() => setValue([...path, freeId(keys, 'NAME')], '')}
      >
        Add to {spec.name}
      </button>
    </fieldset>
  );
}

/** A key is renamed only once it is usable: empty or taken names stay in the input, flagged. */
function KeyInput(props: {
  id: string;
  name: string;
  current: string;
  taken: readonly string[];
  onRename: (to: string) => void;
}) {
  const [draft, setDraft] = useState<{ for: string; text: string } | null>(null);
  const text = draft?.for === props.current ? draft.text : props.current;
  const problem =
    text === ''
      ? 'a name is required'
      : text !== props.current && props.taken.includes(text)
        ? 'this name is already used'
        : null;
  useDraftProblem(props.id, problem === null ? null : `${props.name}: ${problem}`);
  return (
    <>
      <input
        type="text"
        spellCheck={false}
        aria-label={props.name}
        aria-invalid={problem ? true : undefined}
        title={problem ?? undefined}
        value={text}
        onChange={(event) => {
          const next = event.target.value;
          const usable = next !== '' && !props.taken.includes(next);
          setDraft({ for: usable ? next : props.current, text: next });
          if (usable) props.onRename(next);
        }}
      />
      {problem ? <span className="field-error-inline">{problem}</span> : null}
    </>
  );
}
