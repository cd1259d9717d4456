// Part "soak": the master's own CPU and RSS while it supervises 50, then 200 idle workers with
// 1 s health checks and 1 s sampling. Each size runs in a fresh child process (soak-master.mjs)
// so the figures are of a master alone. BENCH_SOAK_SECONDS sets the window (default 30).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runPart } from './lib/harness.mjs';
import { mb, ms, num, printTable } from './lib/stats.mjs';

const SIZES = [50, 200];
const SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 30);
const CHILD = fileURLToPath(new URL('./soak-master.mjs', import.meta.url));

function soak(workers) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, String(workers), String(SECONDS)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const last = output.trim().split('\n').pop() ?? '';
      if (code !== 0) reject(new Error(`soak with ${workers} workers exited with ${code}`));
      else resolve(JSON.parse(last));
    });
  });
}

async function main() {
  if (!Number.isFinite(SECONDS) || SECONDS < 1) {
    throw new Error(`BENCH_SOAK_SECONDS must be a whole number of seconds, got ${SECONDS}`);
  }
  const results = [];
  for (const workers of SIZES) results.push(await soak(workers));
  printTable(
    `Master alone over ${SECONDS} s: idle workers (sleep 3600), health checks (process) every 1 s, sampling every 1 s`,
    [
      'workers',
      'CPU %',
      'user %',
      'ps helpers CPU %',
      'RSS start',
      'RSS end',
      'RSS max',
      'loop lag p99',
      'metrics/s',
      'health/s',
      'start all',
      'shutdown',
    ],
    results.map((r) => [
      r.workers,
      num(r.cpuPercent, 1),
      num(r.userPercent, 1),
      num(r.helperCpuPercent, 1),
      mb(r.rssStart),
      mb(r.rssEnd),
      mb(r.rssMax),
      ms(r.loopLagP99Ms),
      num(r.eventsPerSecond.metrics, 1),
      num(r.eventsPerSecond.health, 1),
      ms(r.startAllMs),
      ms(r.shutdownMs),
    ]),
    [
      'CPU % is of one core (process.cpuUsage delta over the window); "ps helpers" is the CPU of',
      'reaped child processes in the window (cutime+cstime), i.e. the process-table reads.',
      `RSS sampled once a second; ${results.map((r) => `${r.workers}: ${r.notHealthy} not healthy at the end`).join(', ')}.`,
    ],
  );
}

runPart(main);
