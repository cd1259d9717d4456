// The file on disk: changed by someone else, or broken. A broken file never reaches the
// workers, which keep the last good configuration.
import { useState } from 'react';
import type { ConfigFileView, ConfigProblem } from '../../../../shared/api-contract.js';

/** `FILE:LINE:COL message`, as the validate command prints it. */
export function formatProblem(problem: ConfigProblem): string {
  return `${problem.file}:${problem.line}:${problem.column} ${problem.message}`;
}

export function FileErrors({ view }: { view: ConfigFileView }) {
  if (view.valid) return null;
  return (
    <div className="file-errors" data-file-errors={view.errors.length}>
      <p>
        The file on disk has {view.errors.length} problem{view.errors.length === 1 ? '' : 's'}. The
        master keeps running the last good configuration until the file is fixed.
      </p>
      <ul>
        {view.errors.map((problem, index) => (
          <li key={index}>
            <code data-file-error>{formatProblem(problem)}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function DiskBanner({
  disk,
  dirty,
  onReload,
}: {
  disk: ConfigFileView;
  dirty: boolean;
  onReload: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="disk-banner" role="alert" data-disk-changed>
      <p>
        <strong>workers.yaml changed on disk.</strong>{' '}
        {dirty ? 'Reloading discards your unsaved edits.' : 'Reload to edit the new version.'}
      </p>
      <FileErrors view={disk} />
      {confirming ? (
        <div className="actions" role="group" aria-label="Discard unsaved edits?">
          <span>Discard your unsaved edits?</span>
          <button type="button" className="danger" onClick={onReload}>
            Discard and reload
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Keep editing
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => (dirty ? setConfirming(true) : onReload())}>
          Reload
        </button>
      )}
    </div>
  );
}
