import type { StateTransition } from '../../../../shared/types.js';
import { StateBadge } from '../../components/StateBadge.js';
import { formatDateTime } from '../../lib/format.js';

/** State changes, newest first, each with what caused it and any error. */
export function TransitionTimeline({ transitions }: { transitions: readonly StateTransition[] }) {
  const newestFirst = [...transitions].reverse();
  return (
    <section className="panel" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">State history</h2>
      {newestFirst.length === 0 ? (
        <p className="muted">No state changes recorded.</p>
      ) : (
        <ol className="timeline">
          {newestFirst.map((t, i) => (
            <li key={`${t.time}:${i}`} data-transition-to={t.to}>
              <time dateTime={new Date(t.time).toISOString()}>{formatDateTime(t.time)}</time>
              <span className="timeline-states">
                <StateBadge state={t.from} /> → <StateBadge state={t.to} />
              </span>
              <span className="timeline-cause">{t.cause}</span>
              {t.error ? <span className="timeline-error">{t.error}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
