// Part "spawn": how long from asking the master to start a process worker until it is running,
// alone and 100 at once, beside a bare child_process.spawn of the same command (the floor).
import { performance } from 'node:perf_hooks';
import { NODE_IDLE, SLEEP_60 } from './lib/commands.mjs';
import {
  bareSpawn,
  closeMaster,
  killBare,
  loadBuild,
  makeMaster,
  processConfig,
  runPart,
  TransitionClock,
} from './lib/harness.mjs';
import { comparisonRow, median, ms, printTable } from './lib/stats.mjs';

const SINGLE_RUNS = { node: 20, sleep: 30 };
const GROUP_RUNS = { node: 3, sleep: 5 };
const GROUP_SIZE = 100;

async function single(master, clock, build, key, cmd) {
  const id = `one-${key}`;
  master.addWorker(processConfig(build, id, cmd.command, cmd.args));
  const supervised = [];
  const bare = [];
  const stops = [];
  const kills = [];
  const viaMaster = async () => {
    const running = clock.next(id, 'running');
    const t0 = performance.now();
    await master.startWorker(id);
    supervised.push((await running) - t0);
    const s0 = performance.now();
    await master.stopWorker(id);
    stops.push(performance.now() - s0);
  };
  const viaSpawn = async () => {
    const b0 = performance.now();
    const child = await bareSpawn(cmd.command, cmd.args);
    bare.push(performance.now() - b0);
    const k0 = performance.now();
    await killBare(child);
    kills.push(performance.now() - k0);
  };
  // Alternating which goes first keeps warm caches from favouring one side.
  for (let i = 0; i < SINGLE_RUNS[key]; i++) {
    if (i % 2 === 0) await viaMaster().then(viaSpawn);
    else await viaSpawn().then(viaMaster);
  }
  return { supervised, bare, stops, kills };
}

async function group(master, clock, build, key, cmd) {
  const ids = Array.from({ length: GROUP_SIZE }, (_, i) => `many-${key}-${i}`);
  for (const id of ids) master.addWorker(processConfig(build, id, cmd.command, cmd.args));
  const supervised = [];
  const bare = [];
  const stops = [];
  const kills = [];
  for (let i = 0; i < GROUP_RUNS[key]; i++) {
    const running = ids.map((id) => clock.next(id, 'running', 60_000));
    const t0 = performance.now();
    await Promise.all(ids.map((id) => master.startWorker(id)));
    const times = await Promise.all(running);
    supervised.push(Math.max(...times) - t0);
    const s0 = performance.now();
    await Promise.all(ids.map((id) => master.stopWorker(id)));
    stops.push(performance.now() - s0);

    const b0 = performance.now();
    const children = await Promise.all(ids.map(() => bareSpawn(cmd.command, cmd.args)));
    bare.push(performance.now() - b0);
    const k0 = performance.now();
    await Promise.all(children.map(killBare));
    kills.push(performance.now() - k0);
  }
  for (const id of ids) await master.removeWorker(id);
  return { supervised, bare, stops, kills };
}

async function main() {
  const build = await loadBuild();
  const master = makeMaster(build);
  const clock = new TransitionClock(master);
  const rows = [];
  const stopRows = [];
  try {
    for (const [key, cmd] of [
      ['node', NODE_IDLE],
      ['sleep', SLEEP_60],
    ]) {
      const one = await single(master, clock, build, key, cmd);
      rows.push(row(`1 worker: ${cmd.label}`, one));
      stopRows.push(stopRow(`1 worker: ${cmd.label}`, one));
    }
    for (const [key, cmd] of [
      ['node', NODE_IDLE],
      ['sleep', SLEEP_60],
    ]) {
      const many = await group(master, clock, build, key, cmd);
      rows.push(row(`${GROUP_SIZE} together (until all running): ${cmd.label}`, many));
      stopRows.push(stopRow(`${GROUP_SIZE} together: ${cmd.label}`, many));
    }
  } finally {
    await closeMaster(master);
  }
  printTable(
    'Spawn to running (master: startWorker() until the "running" transition; floor: bare spawn() until its "spawn" event)',
    ['case', 'runs', 'master median', 'master p95', 'bare median', 'bare p95', 'overhead (median)'],
    rows,
    ["Bare spawns use the runner's own options (piped stdio, own process group, copied env)."],
  );
  printTable(
    'Stop, for reference (master: stopWorker() until it resolves; bare: SIGKILL to the group until "exit")',
    ['case', 'runs', 'master median', 'master p95', 'bare median', 'bare p95'],
    stopRows,
  );
}

function stopRow(label, { stops, kills }) {
  return comparisonRow(label, stops, kills);
}

function row(label, { supervised, bare }) {
  return [...comparisonRow(label, supervised, bare), ms(median(supervised) - median(bare))];
}

runPart(main);
