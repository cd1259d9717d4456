// Part "crash": with zero back-off, how long from a worker's exit until it is running again,
// beside a bare respawn loop (spawn again on 'exit', until the new child's 'spawn' event).
import { performance } from 'node:perf_hooks';
import { onPath, SLEEP_60 } from './lib/commands.mjs';
import {
  bareSpawn,
  closeMaster,
  killBare,
  loadBuild,
  makeMaster,
  processConfig,
  runPart,
  sleep,
  TransitionClock,
  waitFor,
} from './lib/harness.mjs';
import { comparisonRow, ms, printTable } from './lib/stats.mjs';

const SIGNAL_RUNS = 30;
const MARKER_CYCLES = 50;
const SH = onPath('sh');
const MARKER = {
  label: "sh -c 'echo crash-marker; exit 3'",
  args: ['-c', 'echo crash-marker; exit 3'],
};

const ZERO_BACKOFF = {
  restart: {
    policy: 'always',
    retry_delay: '0s',
    backoff_factor: 1,
    max_delay: '0s',
    max_retries: 100_000,
  },
};

/** Exit (the worker's 'exit' event) to the next 'running' transition, once per crash. */
function recordRestarts(master, clock, id, into) {
  const worker = master.getWorker(id);
  const onExit = () => {
    const exitedAt = performance.now();
    clock.next(id, 'running').then(
      (at) => into.push(at - exitedAt),
      () => {},
    );
  };
  worker.on('exit', onExit);
  return () => worker.off('exit', onExit);
}

async function killedBySignal(master, clock, build) {
  const id = 'crash-signal';
  master.addWorker(processConfig(build, id, SLEEP_60.command, SLEEP_60.args, ZERO_BACKOFF));
  const latencies = [];
  const stopRecording = recordRestarts(master, clock, id, latencies);
  await master.startWorker(id);
  for (let i = 0; i < SIGNAL_RUNS; i++) {
    const pid = master.getSummary(id).pid;
    const running = clock.next(id, 'running');
    process.kill(pid, 'SIGKILL');
    await running;
    await waitFor('the restart to be recorded', () => latencies.length > i);
  }
  stopRecording();
  await master.stopWorker(id);
  return latencies;
}

async function exitsAfterMarker(master, clock, build) {
  const id = 'crash-marker';
  master.addWorker(processConfig(build, id, SH, MARKER.args, ZERO_BACKOFF));
  const latencies = [];
  let markers = 0;
  const onLog = (workerId, line) => {
    if (workerId === id && line.text === 'crash-marker') markers += 1;
  };
  master.on('log', onLog);
  const stopRecording = recordRestarts(master, clock, id, latencies);
  const t0 = performance.now();
  await master.startWorker(id);
  await waitFor('enough crash cycles', () => latencies.length >= MARKER_CYCLES, 60_000, 5);
  const elapsed = performance.now() - t0;
  stopRecording();
  master.off('log', onLog);
  await stopQuietly(master, id);
  return { latencies: latencies.slice(0, MARKER_CYCLES), elapsed, markers };
}

/** The worker may be between runs (backoff, starting); retry until it is idle. */
async function stopQuietly(master, id) {
  await waitFor(`${id} to stop`, async () => {
    const state = master.getSummary(id).state;
    if (state === 'idle' || state === 'exited' || state === 'degraded') return true;
    await master.stopWorker(id).catch(() => {});
    return false;
  });
}

/** Kill (or let exit) a bare child, spawn the next on its 'exit', time until 'spawn'. */
async function bareRespawn(command, args, runs, killIt) {
  const latencies = [];
  let child = await bareSpawn(command, args);
  for (let i = 0; i < runs; i++) {
    const exited = new Promise((resolve) => child.once('exit', () => resolve(performance.now())));
    if (killIt) process.kill(child.pid, 'SIGKILL');
    const exitedAt = await exited;
    child = await bareSpawn(command, args);
    latencies.push(performance.now() - exitedAt);
    if (killIt) await sleep(5);
  }
  await killBare(child);
  return latencies;
}

async function main() {
  const build = await loadBuild();
  const master = makeMaster(build);
  const clock = new TransitionClock(master);
  let signal;
  let marker;
  try {
    signal = await killedBySignal(master, clock, build);
    marker = await exitsAfterMarker(master, clock, build);
  } finally {
    await closeMaster(master);
  }
  const bareSignal = await bareRespawn(SLEEP_60.command, SLEEP_60.args, SIGNAL_RUNS, true);
  const bareMarker = await bareRespawn(SH, MARKER.args, MARKER_CYCLES, false);
  printTable(
    'Crash to running again, retry_delay 0s (master: worker "exit" event to the next "running" transition; floor: bare respawn on "exit" until "spawn")',
    ['case', 'runs', 'master median', 'master p95', 'bare median', 'bare p95'],
    [
      comparisonRow(`${SLEEP_60.label}, killed with SIGKILL`, signal, bareSignal),
      comparisonRow(`${MARKER.label} (exits at once)`, marker.latencies, bareMarker),
    ],
    [
      `Self-exiting worker: ${marker.latencies.length} restarts in ${ms(marker.elapsed)} ` +
        `(${((marker.latencies.length * 1000) / marker.elapsed).toFixed(1)} crash cycles/s), ` +
        `${marker.markers} marker lines seen in its log.`,
    ],
  );
}

runPart(main);
