// workers.yaml texts in the shapes people write them, for the store's tests, and a harness
// that puts one in a temp folder with a master built from it.
import { readdir, readFile } from 'node:fs/promises';
import pino from 'pino';
import { loadConfigFile } from '../config/loader.js';
import { Master } from '../master.js';
import { tempDir, type TempDir } from '../test-support/fixtures.js';
import { ConfigStore } from './config-store.js';

const NODE = JSON.stringify(process.execPath);
const IDLE = JSON.stringify('setInterval(()=>{},1000)');

/** The layout of the shipped example: aligned comments, flow maps, blank lines between. */
export const ALIGNED = `# yaml-language-server: $schema=./workers.schema.json
#
# Example workers. Durations are Go-style: 500ms, 10s, 2m.

master:
  log_level: info
  force_shutdown_timeout: 30s   # bound on stopping all workers at quit
  sample_interval: 1s           # CPU and memory sampling

global:
  process_defaults:
    graceful_timeout: 5s
    restart: { policy: on-failure, max_retries: 5, retry_delay: 1s }

workers:
  # Serves HTTP.
  - id: web
    type: process
    executable_path: ${NODE}
    args: [-e, ${IDLE}, port, "8787"]   # flow list
    environment: { PORT: "8787", MODE: 'prod' }
    health_check:
      type: process
      run_options: { interval: 5s, timeout: 1s, initial_delay: 1s, retries: 3 }

  # Ticks.
  - id: ticker
    type: process
    executable_path: ${NODE}
    args:
      - -e
      - ${IDLE}
    environment:
      TICK_MS: "1000"      # one second
    resources:
      cpu:
        max_percent: 50
        policy: alert

# Add more workers above this line.
`;

/** Anchors, aliases and a merge key sharing settings between workers. */
export const ANCHORS = `master:
  log_level: info

workers:
  - id: first
    type: process
    executable_path: ${NODE}
    args: &idle ["-e", ${IDLE}]
    environment: &env
      SHARED: "yes"
      REGION: eu-west
    restart: &restart
      policy: always
      max_retries: 3
      retry_delay: 1s
  - id: second
    type: process
    executable_path: ${NODE}
    args: *idle
    environment: *env
    restart:
      <<: *restart
      max_retries: 9 # more patient
  - id: third
    type: process
    executable_path: ${NODE}
    args: *idle
    restart: *restart
`;

/** Quoting styles and multi-line strings, with comments above, beside and below. */
export const QUOTED = `---
# Quoting styles
master:
  log_level: 'info'
  force_shutdown_timeout: "30s"
workers:
  - id: 'quoted'
    type: "process"
    executable_path: ${NODE}
    args:
      - '-e'
      - "setInterval(() => {}, 1000) // it's \\"fine\\""
    environment:
      GREETING: 'it''s here'        # doubled single quote
      PATH_LIST: "/a:/b:/c"
      EMPTY: ''
    # comment below the environment
  - id: text
    type: module
    module_type: native
    module_name: http-module
    enabled: false
    config:
      banner: |
        first line
          indented line
        last line
      summary: >-
        folded into
        one line
      note: plain words
        over two lines
      port: 9999
# comment at the end
`;

export interface StoreHarness {
  dir: TempDir;
  file: string;
  master: Master;
  store: ConfigStore;
  close(): Promise<void>;
}

/** Writes the text as workers.yaml, builds a master from it, and opens a store on it. */
export async function openStore(text: string, opts: { start?: boolean } = {}) {
  const dir = await tempDir('hsu-config-store-');
  const file = await dir.write('workers.yaml', text);
  const loaded = await loadConfigFile(file);
  if (!loaded.ok) throw new Error(`fixture is invalid: ${JSON.stringify(loaded.problems)}`);
  const master = new Master({ logger: pino({ level: 'silent' }), config: loaded.config });
  if (opts.start) await master.startAll();
  const store = new ConfigStore({ path: file, master, logger: pino({ level: 'silent' }) });
  await store.init();
  const harness: StoreHarness = {
    dir,
    file,
    master,
    store,
    async close() {
      await store.close();
      await master.shutdown();
      await dir.remove();
    },
  };
  return harness;
}

export const readText = (file: string) => readFile(file, 'utf8');

/** Names in the folder other than the ones given: leftovers such as temporary files. */
export async function otherFiles(dir: string, expected: readonly string[]): Promise<string[]> {
  return (await readdir(dir)).filter((name) => !expected.includes(name));
}
