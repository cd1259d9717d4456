// Part "events": what one EventHub subscriber receives while 200 real workers each log a line
// every 100 ms and are restarted in turn, and how long a state change takes to reach a
// WebSocket client of a real startServer on 127.0.0.1.
import { once } from 'node:events';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { onPath, SLEEP_3600 } from './lib/commands.mjs';
import { RestartChurn } from './lib/churn.mjs';
import {
  closeMaster,
  loadBuild,
  loadServerBuild,
  makeMaster,
  processConfig,
  runPart,
  serveMaster,
  sleep,
  waitFor,
} from './lib/harness.mjs';
import { loopLag, mb, median, ms, num, p95, printTable } from './lib/stats.mjs';

const WORKERS = 200;
const WINDOW_MS = 10_000;
/**
 * Restarts per 100 ms tick. Each restart costs the master two synchronous spawns (the worker
 * and a `ps` for its descendants), so on two cores 1/10 of the workers per tick saturates it;
 * the default keeps each worker changing state about every 10 s.
 */
const RESTARTS_PER_TICK = Number(process.env.BENCH_EVENTS_RESTARTS ?? 2);
const PROBE_CHANGES = 50;
const PROBE_EVERY_MS = WINDOW_MS / PROBE_CHANGES;

function chattyWorker() {
  try {
    const perl = onPath('perl');
    return {
      label: 'perl, one line every 100 ms',
      command: perl,
      args: [
        '-e',
        '$|=1; my $n=0; while (1) { print "tick ", $n++, "\\n"; select(undef, undef, undef, 0.1); }',
      ],
    };
  } catch {
    return {
      label: 'node, one line every 100 ms',
      command: process.execPath,
      args: ['-e', 'let n=0; setInterval(() => console.log(`tick ${n++}`), 100)'],
    };
  }
}

/** Counts what a batch carries, item by item. */
function tally(into, batch) {
  into.batches += 1;
  into.workers += batch.workers?.length ?? 0;
  into.transitions += batch.transitions?.length ?? 0;
  into.logs += (batch.logs ?? []).reduce((sum, entry) => sum + entry.lines.length, 0);
  into.metrics += batch.metrics?.length ?? 0;
  into.health += batch.health?.length ?? 0;
}

const emptyTally = () => ({
  batches: 0,
  workers: 0,
  transitions: 0,
  logs: 0,
  metrics: 0,
  health: 0,
  bytes: 0,
});

/** Arrival latencies of the probe's final transitions (running, idle), keyed by their time. */
class ProbeLatency {
  emitted = new Map();
  hub = [];
  socket = [];
  measuring = false;

  onTransition(workerId, transition) {
    if (!this.measuring || workerId !== 'probe' || !isFinal(transition)) return;
    this.emitted.set(key(transition), performance.now());
  }

  arrived(into, batch) {
    const now = performance.now();
    for (const { workerId, transition } of batch.transitions ?? []) {
      if (workerId !== 'probe' || !isFinal(transition)) continue;
      const at = this.emitted.get(key(transition));
      if (at !== undefined) into.push(now - at);
    }
  }
}

const isFinal = (transition) => transition.to === 'running' || transition.to === 'idle';
const key = (transition) => `${transition.to}@${transition.time}`;

async function main() {
  const build = await loadBuild();
  const api = await loadServerBuild();
  const chatty = chattyWorker();
  const ids = Array.from({ length: WORKERS }, (_, i) => `chatty-${i}`);
  const master = makeMaster(build, {
    workers: [
      ...ids.map((id) => processConfig(build, id, chatty.command, chatty.args)),
      processConfig(build, 'probe', SLEEP_3600.command, SLEEP_3600.args),
    ],
  });
  const { hub, token, server } = await serveMaster(api, master);
  const emitted = { log: 0, transition: 0, worker: 0, metrics: 0 };
  let counting = false;
  for (const event of Object.keys(emitted)) {
    master.on(event, () => {
      if (counting) emitted[event] += 1;
    });
  }
  const probe = new ProbeLatency();
  master.on('transition', (id, transition) => probe.onTransition(id, transition));
  const atHub = emptyTally();
  const atSocket = emptyTally();
  const unsubscribe = hub.subscribe((batch) => {
    if (counting) tally(atHub, batch);
    probe.arrived(probe.hub, batch);
  });
  const socket = new WebSocket(`ws://127.0.0.1:${server.port}/api/events`, [
    'hsu.v1',
    `hsu.token.${token}`,
  ]);
  socket.on('message', (data) => {
    const batch = JSON.parse(data.toString());
    probe.arrived(probe.socket, batch);
    if (!counting) return;
    tally(atSocket, batch);
    atSocket.bytes += data.length;
  });
  const churn = new RestartChurn(master, ids, { perTick: RESTARTS_PER_TICK, tickMs: 100 });
  let windowMs = 0;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  try {
    await once(socket, 'open');
    await master.startAll();
    await waitFor('every worker running', () =>
      master.listWorkers().every((w) => w.state === 'running'),
    );
    await sleep(1_000);
    churn.start();
    loop.enable();
    counting = true;
    probe.measuring = true;
    const t0 = performance.now();
    for (let i = 0; i < PROBE_CHANGES; i++) {
      const tick = sleep(PROBE_EVERY_MS);
      if (i % 2 === 0) await master.stopWorker('probe');
      else await master.startWorker('probe');
      await tick;
    }
    windowMs = performance.now() - t0;
    counting = false;
    probe.measuring = false;
    loop.disable();
    await churn.stop();
    // Let the last batches arrive before the latencies are read.
    await sleep(500);
  } finally {
    counting = false;
    await churn.stop();
    unsubscribe();
    socket.close();
    hub.close();
    await server.close();
    await closeMaster(master);
  }
  const perSecond = (count) => num((count * 1000) / windowMs, 0);
  const items = (t) => t.workers + t.transitions + t.logs + t.metrics + t.health;
  printTable(
    `Event delivery over ${ms(windowMs)}: ${WORKERS} workers (${chatty.label}), ${RESTARTS_PER_TICK} restarted every 100 ms`,
    ['per second', 'master emitted', 'hub subscriber', 'WebSocket client'],
    [
      ['batches', '–', perSecond(atHub.batches), perSecond(atSocket.batches)],
      ['log lines', perSecond(emitted.log), perSecond(atHub.logs), perSecond(atSocket.logs)],
      [
        'transitions',
        perSecond(emitted.transition),
        perSecond(atHub.transitions),
        perSecond(atSocket.transitions),
      ],
      [
        'worker summaries',
        perSecond(emitted.worker),
        perSecond(atHub.workers),
        perSecond(atSocket.workers),
      ],
      [
        'resource samples',
        perSecond(emitted.metrics),
        perSecond(atHub.metrics),
        perSecond(atSocket.metrics),
      ],
      ['all items', '–', perSecond(items(atHub)), perSecond(items(atSocket))],
      ['bytes (JSON)', '–', '–', `${mb((atSocket.bytes * 1000) / windowMs)}/s`],
    ],
    [
      `Restarts: ${churn.done} done in the window (${perSecond(churn.done)}/s of ${perSecond(churn.requested)}/s asked; ` +
        `${churn.skipped} skipped as still busy, ${churn.failed} failed).`,
      'Summaries coalesce per worker per batch, so fewer arrive than the master emits; log lines and transitions do not.',
      `Master event loop lag in the window: median ${ms(loopLag(loop, 10, 0.5))}, p99 ${ms(loopLag(loop, 10, 0.99))}, max ${ms(loopLag(loop, 10, 'max'))}.`,
    ],
  );
  printTable(
    `State change to arrival (probe worker stopped/started every ${PROBE_EVERY_MS} ms under the load above)`,
    ['where', 'changes', 'median', 'p95', 'max'],
    [
      [
        'EventHub subscriber (in process)',
        probe.hub.length,
        ms(median(probe.hub)),
        ms(p95(probe.hub)),
        ms(Math.max(...probe.hub)),
      ],
      [
        'WebSocket client (ws, 127.0.0.1)',
        probe.socket.length,
        ms(median(probe.socket)),
        ms(p95(probe.socket)),
        ms(Math.max(...probe.socket)),
      ],
    ],
    [
      'Measured from the master\'s "transition" event; the hub waits up to its 100 ms flush interval by design.',
    ],
  );
}

runPart(main);
