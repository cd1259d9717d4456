import { useUnacknowledgedCount } from '../../store/selectors.js';

/** The number of alerts nobody has acknowledged yet; silent when there are none. */
export function AlertBadge() {
  const count = useUnacknowledgedCount();
  if (count === 0) return null;
  return (
    <span className="alert-badge" data-unacknowledged={count}>
      {count}
      <span className="visually-hidden"> unacknowledged</span>
    </span>
  );
}
