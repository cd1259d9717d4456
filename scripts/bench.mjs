#!/usr/bin/env node
// `npm run bench [-- PART...]`: runs the benchmarks in bench/ against the build in dist/ and
// prints their figures. Each part runs in its own process, in a fresh working folder, so that
// anything it leaves running can be found afterwards (by that folder) and killed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PARTS = {
  spawn: 'spawn-to-running latency, 1 and 100 workers, beside bare spawn()',
  crash: 'crash-to-running latency with zero back-off',
  modules: 'inline module, thread module and process start latency; start/stop cycles',
  soak: "the master's CPU and RSS with 50 and 200 idle workers (BENCH_SOAK_SECONDS, default 30)",
  events: 'event hub throughput and state-change latency to a WebSocket client',
  panel: 'the control panel in Chromium with 500 workers',
};
const PART_TIMEOUT_MS = 5 * 60_000;

function usage() {
  const lines = Object.entries(PARTS).map(([name, what]) => `  ${name.padEnd(8)} ${what}`);
  return `Usage: npm run bench [-- PART...]\nParts (all when none is named):\n${lines.join('\n')}\n`;
}

function newestSource() {
  let newest = { path: '', mtimeMs: 0 };
  for (const dir of ['electron', 'shared', 'renderer']) {
    for (const entry of readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || /\.test\.tsx?$/.test(entry.name)) continue;
      const path = join(entry.parentPath ?? entry.path, entry.name);
      const { mtimeMs } = statSync(path);
      if (mtimeMs > newest.mtimeMs) newest = { path, mtimeMs };
    }
  }
  return newest;
}

/** Builds dist/ when it is missing; warns when the sources are newer than it. */
function ensureBuild() {
  const outputs = ['dist/electron/master/master.js', 'dist/renderer/index.html'].map((p) =>
    join(ROOT, p),
  );
  if (outputs.some((p) => !existsSync(p))) {
    process.stdout.write('dist/ is missing: running npm run build\n');
    const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) throw new Error('npm run build failed');
    return;
  }
  const built = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  const newest = newestSource();
  if (newest.mtimeMs > built) {
    process.stdout.write(
      `Note: ${relative(ROOT, newest.path)} is newer than dist/; run npm run build to measure it.\n`,
    );
  }
}

/** Processes whose working folder is `dir`: whatever a part started and left running. */
function processesIn(dir) {
  if (process.platform !== 'linux') return [];
  const found = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cwd = readlinkSync(`/proc/${name}/cwd`);
      if (cwd === dir || cwd.startsWith(`${dir}/`)) found.push(Number(name));
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

function runPart(name) {
  const dir = mkdtempSync(join(tmpdir(), `hsu-bench-${name}-`));
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bench', `${name}.mjs`)], {
      cwd: dir,
      stdio: 'inherit',
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    }, PART_TIMEOUT_MS);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const leftovers = processesIn(dir);
      for (const pid of leftovers) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      rmSync(dir, { recursive: true, force: true });
      const seconds = (performance.now() - started) / 1000;
      const ok = code === 0 && !timedOut && leftovers.length === 0;
      let status = 'ok';
      if (timedOut) status = `timed out after ${PART_TIMEOUT_MS / 1000} s`;
      else if (code !== 0) status = `failed (${signal ?? `exit ${code}`})`;
      if (leftovers.length > 0) status += `; killed ${leftovers.length} leftover processes`;
      resolve({ name, ok, status, seconds });
    });
  });
}

async function main() {
  const wanted = process.argv.slice(2);
  if (wanted.includes('--help') || wanted.includes('-h')) {
    process.stdout.write(usage());
    return 0;
  }
  const unknown = wanted.filter((name) => !Object.hasOwn(PARTS, name));
  if (unknown.length > 0) {
    process.stderr.write(`Unknown part: ${unknown.join(', ')}\n${usage()}`);
    return 2;
  }
  const parts =
    wanted.length > 0 ? Object.keys(PARTS).filter((p) => wanted.includes(p)) : Object.keys(PARTS);
  ensureBuild();
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  process.stdout.write(
    `HSU Master benchmarks: ${parts.join(', ')}\n` +
      `Node ${process.version}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
      `load average ${load}, ${new Date().toISOString()}\n` +
      'Figures are medians (and p95) over the run counts shown; a busy machine widens them.\n',
  );
  const results = [];
  for (const name of parts) {
    process.stdout.write(`\n=== ${name}: ${PARTS[name]}\n`);
    results.push(await runPart(name));
  }
  process.stdout.write('\n=== summary\n');
  for (const r of results) {
    process.stdout.write(`${r.name.padEnd(8)} ${r.status.padEnd(10)} ${r.seconds.toFixed(1)} s\n`);
  }
  process.stdout.write(
    `load average at the end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );
  return results.every((r) => r.ok) ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
