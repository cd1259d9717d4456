// The workers of the file, in its order, each with its count of problems; Add appends one.
import { useState } from 'react';
import { workerIssueCount, type FieldIssue } from './issues.js';
import type { WorkerKind } from './yaml-document.js';

export interface WorkerListProps {
  workers: readonly { id: string; type: string }[];
  selected: number;
  issues: readonly FieldIssue[];
  onSelect: (index: number) => void;
  onAdd: (kind: WorkerKind) => void;
}

export function WorkerList({ workers, selected, issues, onSelect, onAdd }: WorkerListProps) {
  const [kind, setKind] = useState<WorkerKind>('process');
  return (
    <nav className="worker-list panel" aria-label="Workers in the file">
      <h2>Workers</h2>
      {workers.length === 0 ? <p className="muted">No workers yet.</p> : null}
      <ul>
        {workers.map((worker, index) => {
          const problems = workerIssueCount(issues, index);
          return (
            <li key={index}>
              <button
                type="button"
                className="worker-list-item"
                aria-current={index === selected ? 'true' : undefined}
                data-worker-item={worker.id}
                onClick={() => onSelect(index)}
              >
                <span className="worker-list-id">{worker.id || '(no id)'}</span>
                <span className="muted"> {worker.type}</span>
                {problems > 0 ? (
                  <span className="problem-count" aria-label={`${problems} problems`}>
                    {problems}
                  </span>
                ) : null}
              </button>
            </li>
          );
        })}
      </ul>
      <div className="add-worker">
        <label>
          <span className="visually-hidden">Type of the new worker</span>
          <select value={kind} onChange={(event) => setKind(event.target.value as WorkerKind)}>
            <option value="process">process</option>
            <option value="module">module</option>
          </select>
        </label>
        <button type="button" onClick={() => onAdd(kind)}>
          Add worker
        </button>
      </div>
    </nav>
  );
}
