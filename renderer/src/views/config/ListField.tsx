// A list of strings (args): one input per item, in the file's order.
import { scalarText } from './field-values.js';
import type { FieldIssue } from './issues.js';
import { addListItem, removeListItem, setValue } from './edit-actions.js';
import type { FieldSpec } from './worker-fields.js';
import type { PathSegment } from './yaml-document.js';

export interface GroupProps {
  spec: FieldSpec;
  path: PathSegment[];
  value: unknown;
  issues: readonly FieldIssue[];
  errorsId: string;
}

export function ListField({ spec, path, value, issues, errorsId }: GroupProps) {
  const items: unknown[] = Array.isArray(value) ? value : [];
  const dottedPath = path.join('.');
  return (
    <fieldset className="list-field" aria-label={spec.name}>
      <legend>{spec.label}</legend>
      <ol>
        {items.map((item, index) => {
          const invalid = issues.some((issue) => issue.path === `${dottedPath}.${index}`);
          return (
            <li key={index}>
              <input
                type="text"
                spellCheck={false}
                aria-label={`${spec.name} ${index + 1}`}
                aria-invalid={invalid || undefined}
                aria-describedby={invalid ? errorsId : undefined}
                value={scalarText(item)}
                onChange={(event) => setValue([...path, index], event.target.value)}
              />
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove ${spec.name} ${index + 1}`}
                onClick={() => removeListItem(path, index)}
              >
                ×
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" className="small" onClick={() => addListItem(path, '')}>
        Add to {spec.name}
      </button>
    </fieldset>
  );
}
