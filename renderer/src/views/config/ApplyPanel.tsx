// Apply: shows what the saved file would do to the running workers, then does it on
// confirmation and shows what happened.
import type { ApplyPlan } from '../../../../shared/api-contract.js';
import { assertNever } from '../../../../shared/types.js';
import { useConfigEditor } from './editor-store.js';

const PLAN_PARTS: { key: keyof ApplyPlan; title: string }[] = [
  { key: 'start', title: 'Start' },
  { key: 'stop', title: 'Stop' },
  { key: 'restart', title: 'Restart' },
  { key: 'unchanged', title: 'Unchanged' },
  { key: 'keptStopped', title: 'Kept stopped' },
];

function PlanList({ plan }: { plan: ApplyPlan }) {
  return (
    <dl className="apply-plan">
      {PLAN_PARTS.map(({ key, title }) => (
        <div key={key} data-plan={key}>
          <dt>{title}</dt>
          <dd>
            {plan[key].length === 0 ? (
              <span className="muted">none</span>
            ) : (
              plan[key].map((id) => (
                <code key={id} className="plan-id" data-plan-id={id}>
                  {id}
                </code>
              ))
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function ApplyPanel({ blocked, pending }: { blocked: string | null; pending: boolean }) {
  const apply = useConfigEditor((s) => s.apply);
  const { planApply, confirmApply, closeApply } = useConfigEditor.getState();
  const busy = apply.phase === 'planning' || apply.phase === 'applying';
  return (
    <section className="apply-panel" aria-label="Apply to running workers">
      <p className="apply-status" data-pending-apply={pending}>
        {pending
          ? 'The saved file differs from what the workers run.'
          : 'The workers run the saved file.'}
      </p>
      <button
        type="button"
        disabled={blocked !== null || busy}
        title={blocked ?? undefined}
        onClick={() => void planApply()}
      >
        Apply
      </button>
      {blocked ? <span className="muted"> {blocked}</span> : null}
      <ApplyDetails />
      {apply.phase === 'done' || apply.phase === 'failed' ? (
        <button type="button" className="small" onClick={closeApply}>
          Close
        </button>
      ) : null}
      {apply.phase === 'review' ? (
        <div className="actions">
          <button type="button" className="primary" onClick={() => void confirmApply()}>
            Confirm apply
          </button>
          <button type="button" onClick={closeApply}>
            Cancel
          </button>
        </div>
      ) : null}
    </section>
  );
}

function ApplyDetails() {
  const apply = useConfigEditor((s) => s.apply);
  switch (apply.phase) {
    case 'idle':
      return null;
    case 'planning':
      return <p className="muted">Working out what would change…</p>;
    case 'review':
      return (
        <div className="apply-review" role="region" aria-label="Apply plan">
          <p>Applying the saved file will:</p>
          <PlanList plan={apply.plan} />
        </div>
      );
    case 'applying':
      return <p className="muted">Applying…</p>;
    case 'done':
      return (
        <div
          className="apply-outcome"
          role="status"
          data-apply-outcome={apply.outcome.errors.length === 0 ? 'ok' : 'errors'}
        >
          <p>Applied.</p>
          <PlanList plan={apply.outcome.plan} />
          {apply.outcome.errors.length > 0 ? (
            <ul className="field-errors">
              {apply.outcome.errors.map((error) => (
                <li key={error.workerId}>
                  <strong>{error.workerId}</strong>: {error.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      );
    case 'failed':
      return (
        <p className="text-danger" role="alert">
          Apply failed: {apply.message}
        </p>
      );
    default:
      return assertNever(apply, 'apply phase');
  }
}
