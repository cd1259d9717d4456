// Part "panel": the control panel in Chromium with 500 workers changing every second: time to
// the first full render of the workers table, and frame times while updates stream.
import { existsSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { SLEEP_3600 } from './lib/commands.mjs';
import { RestartChurn } from './lib/churn.mjs';
import {
  closeMaster,
  distUrl,
  loadBuild,
  loadServerBuild,
  makeMaster,
  processConfig,
  runPart,
  serveMaster,
  tempDir,
  waitFor,
} from './lib/harness.mjs';
import { measureFrames, pageText, rowsShownAt } from './lib/page-probes.mjs';
import { loopLag, median, mb, ms, num, p95, printTable } from './lib/stats.mjs';

const WORKERS = 500;
const PAGE_LOADS = 3;
const FRAME_WINDOW_MS = 10_000;
/** A shorter baseline first, with no restarts: only the sampler changes the rows. */
const QUIET_LOADS = 2;
const QUIET_FRAME_MS = 5_000;
/** Restarts per 100 ms tick, on top of every row's figures changing with each 1 s sample. */
const RESTARTS_PER_TICK = Number(process.env.BENCH_PANEL_RESTARTS ?? 5);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROWS = 'table[aria-label="Workers"] tbody tr';
const RAF_WAIT = { polling: 'raf', timeout: 60_000 };
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function skip(reason) {
  process.stdout.write(`\nPanel: skipped (${reason}).\n`);
}

/** Failed requests and page errors, to say why a table never filled. */
function watchProblems(page) {
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  return problems;
}

async function explain(page, error, problems) {
  const text = await page.evaluate(pageText).catch(() => '(page text unavailable)');
  throw new Error(
    `${error.message.split('\n')[0]}\npage shows: ${JSON.stringify(text)}\n${problems.join('\n')}`,
  );
}

async function main() {
  if (!existsSync(CHROMIUM)) return skip(`no Chromium at ${CHROMIUM}`);
  const staticDir = fileURLToPath(distUrl('renderer/'));
  if (!existsSync(`${staticDir}index.html`)) return skip('dist/renderer is not built');
  let chromium;
  try {
    ({ chromium } = await import('@playwright/test'));
  } catch (error) {
    return skip(`@playwright/test cannot be loaded: ${error.message}`);
  }
  const build = await loadBuild();
  const api = await loadServerBuild();
  // Served from a copy, so a rebuild of dist/ during the run cannot swap the assets mid-load.
  const copy = await tempDir();
  const served = join(copy.path, 'renderer');
  await cp(staticDir, served, { recursive: true });
  const ids = Array.from({ length: WORKERS }, (_, i) => `w-${String(i).padStart(3, '0')}`);
  const master = makeMaster(build, {
    workers: ids.map((id) => processConfig(build, id, SLEEP_3600.command, SLEEP_3600.args)),
  });
  const { hub, token, server } = await serveMaster(api, master, { staticDir: served });
  let batchBytes = 0;
  let batches = 0;
  const unsubscribe = hub.subscribe((batch) => {
    batches += 1;
    batchBytes += JSON.stringify(batch).length;
  });
  const churn = new RestartChurn(master, ids, { perTick: RESTARTS_PER_TICK, tickMs: 100 });
  const loop = monitorEventLoopDelay({ resolution: 10 });
  let browser = null;
  const phases = [];
  let shutdownMs = 0;
  try {
    await master.startAll();
    await waitFor('every worker running', () =>
      master.listWorkers().every((w) => w.state === 'running'),
    );
    try {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
      });
    } catch (error) {
      return skip(`Chromium did not start: ${error.message.split('\n')[0]}`);
    }
    const url = `${server.url}?token=${encodeURIComponent(token)}`;
    const phase = async (label, loads, frameMs) => {
      const result = { label, loads: [], frames: null };
      const restarts0 = churn.done;
      batches = 0;
      batchBytes = 0;
      loop.reset();
      loop.enable();
      const p0 = performance.now();
      for (let i = 0; i < loads; i++) {
        const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
        const page = await context.newPage();
        const problems = watchProblems(page);
        const t0 = performance.now();
        await page.goto(url);
        const firstRow = await page
          .waitForFunction(rowsShownAt, [ROWS, 1], RAF_WAIT)
          .catch((error) => explain(page, error, problems));
        const allRows = await page.waitForFunction(rowsShownAt, [ROWS, WORKERS], RAF_WAIT);
        result.loads.push({
          wall: performance.now() - t0,
          first: await firstRow.jsonValue(),
          page: await allRows.jsonValue(),
        });
        if (i === loads - 1) result.frames = await page.evaluate(measureFrames, frameMs);
        await context.close();
      }
      const elapsed = performance.now() - p0;
      loop.disable();
      Object.assign(result, {
        batchesPerSecond: (batches * 1000) / elapsed,
        bytesPerSecond: (batchBytes * 1000) / elapsed,
        restartsPerSecond: ((churn.done - restarts0) * 1000) / elapsed,
        lagMedian: loopLag(loop, 10, 0.5),
        lagP95: loopLag(loop, 10, 0.95),
      });
      phases.push(result);
    };
    await phase('sampling only', QUIET_LOADS, QUIET_FRAME_MS);
    churn.start();
    await phase(
      `sampling + ${RESTARTS_PER_TICK * 10} restarts/s asked`,
      PAGE_LOADS,
      FRAME_WINDOW_MS,
    );
  } finally {
    await churn.stop();
    await browser?.close();
    unsubscribe();
    hub.close();
    await server.close();
    const d0 = performance.now();
    await closeMaster(master);
    shutdownMs = performance.now() - d0;
    await copy.remove();
  }
  const rows = [];
  const notes = [];
  for (const { label, loads, frames, ...rest } of phases) {
    const figure = (name, values) => [
      `${label}: ${name}`,
      values.length,
      ms(median(values)),
      ms(p95(values)),
      ms(Math.max(...values)),
    ];
    const deltas = frames.deltas.slice(1);
    rows.push(
      figure(
        'goto() to 500 rows (bench clock)',
        loads.map((l) => l.wall),
      ),
    );
    rows.push(
      figure(
        'navigation to first row (page clock)',
        loads.map((l) => l.first),
      ),
    );
    rows.push(
      figure(
        'navigation to 500 rows (page clock)',
        loads.map((l) => l.page),
      ),
    );
    rows.push(figure(`frame time, rAF deltas over ${frames.windowMs / 1000} s`, deltas));
    notes.push(
      `${label}: frames over 50 ms ${deltas.filter((d) => d > 50).length}; long tasks ${frames.longTasks} ` +
        `(${ms(frames.longTaskMs)} in all); table mutations ${num(frames.mutationsPerSecond, 0)}/s; ` +
        `${num(rest.batchesPerSecond, 1)} batches/s (${mb(rest.bytesPerSecond)}/s JSON); ` +
        `${num(rest.restartsPerSecond, 1)} restarts/s done; master loop lag median ${ms(rest.lagMedian)}, p95 ${ms(rest.lagP95)}.`,
    );
  }
  notes.push(`Shutdown of the master with ${WORKERS} workers afterwards: ${ms(shutdownMs)}.`);
  printTable(
    `Panel in Chromium: ${WORKERS} workers (${SLEEP_3600.label}); every row's figures change with each 1 s sample`,
    ['phase: figure', 'count', 'median', 'p95', 'max'],
    rows,
    notes,
  );
}

runPart(main);
