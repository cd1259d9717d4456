// Part "modules": start latency of an inline module, a thread module and a process, and how many
// start/stop cycles per second the modules sustain.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SLEEP_60 } from './lib/commands.mjs';
import {
  closeMaster,
  loadBuild,
  makeMaster,
  processConfig,
  runPart,
  tempDir,
  TransitionClock,
} from './lib/harness.mjs';
import { mean, median, ms, num, p95, printTable } from './lib/stats.mjs';

/** Each case cycles for this long (and at least MIN_CYCLES times). */
const CYCLE_MS = { inline: 3_000, thread: 5_000, process: 3_000 };
const MIN_CYCLES = 10;

const INFO = {
  name: 'bench-noop',
  version: '1.0.0',
  description: 'does nothing',
  author: 'bench',
  endpoints: [],
};

function noopModule() {
  let running = false;
  return {
    initialize() {},
    start() {
      running = true;
    },
    stop() {
      running = false;
    },
    isHealthy: () => running,
    getInfo: () => INFO,
  };
}

const PLUGIN = `export function create() {
  let running = false;
  return {
    initialize() {},
    start() { running = true; },
    stop() { running = false; },
    isHealthy() { return running; },
    getInfo() {
      return { name: 'bench-thread', version: '1.0.0', description: 'does nothing', author: 'bench', endpoints: [] };
    },
  };
}
`;

async function cycle(master, clock, id, budgetMs) {
  const starts = [];
  const stops = [];
  const t0 = performance.now();
  while (performance.now() - t0 < budgetMs || starts.length < MIN_CYCLES) {
    const running = clock.next(id, 'running');
    const s0 = performance.now();
    await master.startWorker(id);
    starts.push((await running) - s0);
    const p0 = performance.now();
    await master.stopWorker(id);
    stops.push(performance.now() - p0);
  }
  const elapsed = performance.now() - t0;
  return { starts, stops, perSecond: (starts.length * 1000) / elapsed };
}

async function main() {
  const build = await loadBuild();
  const dir = await tempDir();
  const pluginPath = join(dir.path, 'bench-thread.mjs');
  await writeFile(pluginPath, PLUGIN);
  const master = makeMaster(build);
  const clock = new TransitionClock(master);
  master.registerNativeModuleFactory('bench-noop', noopModule);
  const module = (id, fields) => build.schema.moduleWorker.parse({ id, type: 'module', ...fields });
  master.addWorker(module('inline', { module_type: 'native', module_name: 'bench-noop' }));
  master.addWorker(
    module('thread', {
      module_type: 'plugin',
      module_path: pluginPath,
      entry_point: 'create',
      isolation: 'thread',
    }),
  );
  master.addWorker(processConfig(build, 'process', SLEEP_60.command, SLEEP_60.args));
  const results = {};
  try {
    for (const id of ['inline', 'thread', 'process']) {
      results[id] = await cycle(master, clock, id, CYCLE_MS[id]);
    }
  } finally {
    await closeMaster(master);
    await dir.remove();
  }
  const label = {
    inline: 'inline module (native factory)',
    thread: 'thread module (plugin .mjs)',
    process: `process (${SLEEP_60.label})`,
  };
  printTable(
    'Module versus process: start latency (startWorker() until "running") and start/stop cycles',
    [
      'worker',
      'cycles',
      'start median',
      'start p95',
      'start mean',
      'stop median',
      'stop p95',
      'cycles/s',
    ],
    Object.entries(results).map(([id, r]) => [
      label[id],
      r.starts.length,
      ms(median(r.starts)),
      ms(p95(r.starts)),
      ms(mean(r.starts)),
      ms(median(r.stops)),
      ms(p95(r.stops)),
      num(r.perSecond, 1),
    ]),
    ['A cycle is startWorker() then stopWorker(), awaited one after the other on one worker.'],
  );
}

runPart(main);
