// Beside the form: the exact text a save writes, and how it differs from the file on disk.
import { useMemo, useState } from 'react';
import { countChanges, diffRows } from './diff-rows.js';

export function YamlPreview({ before, after }: { before: string; after: string }) {
  const [tab, setTab] = useState<'yaml' | 'changes'>('changes');
  const rows = useMemo(() => diffRows(before, after), [before, after]);
  const { added, removed } = countChanges(rows);
  const changed = added + removed > 0;
  const shown = changed ? tab : 'yaml';
  return (
    <section className="yaml-preview panel" aria-label="workers.yaml preview">
      <div className="tabs" role="tablist" aria-label="Preview">
        <button
          type="button"
          role="tab"
          aria-selected={shown === 'changes'}
          disabled={!changed}
          onClick={() => setTab('changes')}
        >
          Changes{changed ? ` (+${added} −${removed})` : ''}
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={shown === 'yaml'}
          onClick={() => setTab('yaml')}
        >
          YAML
        </button>
      </div>
      {shown === 'yaml' ? (
        <pre className="config-text" aria-label="YAML to be written" data-yaml-preview tabIndex={0}>
          {after}
        </pre>
      ) : (
        <div
          className="diff"
          aria-label="Changes against the file on disk"
          role="region"
          tabIndex={0}
        >
          {rows.map((row, index) =>
            row.kind === 'folded' ? (
              <div key={index} className="diff-folded">
                … {row.count} unchanged line{row.count === 1 ? '' : 's'}
              </div>
            ) : (
              <div key={index} className={`diff-line diff-${row.kind}`} data-diff={row.kind}>
                <span className="diff-sign" aria-hidden="true">
                  {row.kind === 'added' ? '+' : row.kind === 'removed' ? '−' : ' '}
                </span>
                <span className="visually-hidden">
                  {row.kind === 'added' ? 'added: ' : row.kind === 'removed' ? 'removed: ' : ''}
                </span>
                <span className="diff-text">{row.text}</span>
              </div>
            ),
          )}
        </div>
      )}
    </section>
  );
}
