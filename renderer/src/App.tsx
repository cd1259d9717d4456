import { assertNever } from '../../shared/types.js';
import { ConnectionBanner } from './components/ConnectionBanner.js';
import { NavBar } from './components/NavBar.js';
import type { Route, TopView } from './lib/route.js';
import { useRoute } from './lib/use-route.js';
import { AlertsView } from './views/alerts/AlertsView.js';
import { ConfigView } from './views/config/ConfigView.js';
import { WorkerDetailView } from './views/detail/WorkerDetailView.js';
import { MasterView } from './views/master/MasterView.js';
import { WorkersView } from './views/workers/WorkersView.js';

function topView(route: Route): TopView {
  return route.view === 'worker' ? 'workers' : route.view;
}

function View({ route }: { route: Route }) {
  switch (route.view) {
    case 'workers':
      return <WorkersView />;
    case 'worker':
      // Keyed: another worker is a fresh view, with none of the last one's results.
      return <WorkerDetailView key={route.id} id={route.id} />;
    case 'alerts':
      return <AlertsView />;
    case 'master':
      return <MasterView />;
    case 'config':
      return <ConfigView />;
    default:
      return assertNever(route, 'route');
  }
}

export function App() {
  const route = useRoute();
  return (
    <div className="app">
      <header className="app-header">
        <span className="app-title">HSU Master</span>
        <NavBar current={topView(route)} />
      </header>
      <ConnectionBanner />
      <main>
        <View route={route} />
      </main>
    </div>
  );
}
