import type { TopView } from '../lib/route.js';
import { AlertBadge } from '../views/alerts/AlertBadge.js';

const LINKS: readonly { view: TopView; label: string }[] = [
  { view: 'workers', label: 'Workers' },
  { view: 'alerts', label: 'Alerts' },
  { view: 'master', label: 'Master' },
  { view: 'config', label: 'Config' },
];

export function NavBar({ current }: { current: TopView }) {
  return (
    <nav aria-label="Views" className="nav">
      <ul>
        {LINKS.map(({ view, label }) => (
          <li key={view}>
            <a
              href={`#/${view}`}
              aria-current={view === current ? 'page' : undefined}
              data-nav={view}
            >
              {label}
              {view === 'alerts' ? (
                <>
                  {' '}
                  <AlertBadge />
                </>
              ) : null}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
