// The master alone, for part "soak": supervises N idle workers with 1 s health checks and 1 s
// sampling, measures its own CPU and RSS over a window, and prints one JSON line.
// Usage: node bench/soak-master.mjs WORKERS SECONDS
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { SLEEP_3600 } from './lib/commands.mjs';
import {
  closeMaster,
  loadBuild,
  makeMaster,
  processConfig,
  runPart,
  sleep,
  waitFor,
} from './lib/harness.mjs';
import { loopLag } from './lib/stats.mjs';

const WARM_UP_MS = 3_000;
const CLOCK_TICKS = 100;

/** CPU time of reaped children (the `ps` helpers the master runs), from /proc/self/stat. */
function childCpuMs() {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // cutime and cstime are fields 16 and 17 of the full line; 14 and 15 after the name.
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / CLOCK_TICKS;
}

async function main() {
  const workers = Number(process.argv[2]);
  const seconds = Number(process.argv[3]);
  const build = await loadBuild();
  const configs = Array.from({ length: workers }, (_, i) =>
    processConfig(build, `idle-${i}`, SLEEP_3600.command, SLEEP_3600.args, {
      health_check: { type: 'process', run_options: { interval: '1s', timeout: '500ms' } },
    }),
  );
  const master = makeMaster(build, { master: { sample_interval: '1s' }, workers: configs });
  const counts = { metrics: 0, health: 0, worker: 0 };
  let counting = false;
  for (const event of Object.keys(counts)) {
    master.on(event, () => {
      if (counting) counts[event] += 1;
    });
  }
  const result = { workers, seconds };
  try {
    const s0 = performance.now();
    await master.startAll();
    await waitFor('every worker running', () =>
      master.listWorkers().every((w) => w.state === 'running'),
    );
    result.startAllMs = performance.now() - s0;
    await sleep(WARM_UP_MS);

    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const rss = [];
    const cpu0 = process.cpuUsage();
    const child0 = childCpuMs();
    const t0 = performance.now();
    counting = true;
    for (let i = 0; i < seconds; i++) {
      await sleep(1000);
      rss.push(process.memoryUsage().rss);
    }
    counting = false;
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    loop.disable();
    const unhealthy = master.listWorkers().filter((w) => w.health !== 'healthy').length;
    Object.assign(result, {
      wallMs,
      cpuPercent: ((cpu.user + cpu.system) / 1000 / wallMs) * 100,
      userPercent: (cpu.user / 1000 / wallMs) * 100,
      helperCpuPercent: ((childCpuMs() - child0) / wallMs) * 100,
      rssStart: rss[0],
      rssEnd: rss[rss.length - 1],
      rssMax: Math.max(...rss),
      heapUsed: process.memoryUsage().heapUsed,
      eventsPerSecond: Object.fromEntries(
        Object.entries(counts).map(([k, v]) => [k, (v * 1000) / wallMs]),
      ),
      loopLagP99Ms: loopLag(loop, 10, 0.99),
      loopLagMaxMs: loopLag(loop, 10, 'max'),
      notHealthy: unhealthy,
    });
  } finally {
    const d0 = performance.now();
    await closeMaster(master);
    result.shutdownMs = performance.now() - d0;
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

runPart(main);
