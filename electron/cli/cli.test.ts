import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { workersJsonSchema } from '../../shared/config-schema.js';
import { isAlive, tempDir, waitFor, type TempDir } from '../master/test-support/fixtures.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI from source, as `npx hsu-master` runs it from dist/. */
function cli(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Outcome>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done, output: () => stdout };
}

let dir: TempDir | null = null;
afterEach(async () => {
  await dir?.remove();
  dir = null;
});

describe('hsu-master validate', () => {
  it('accepts the default configuration', async () => {
    const { code, stdout } = await cli(['validate', 'config/workers.yaml']).done;
    expect(code).toBe(0);
    expect(stdout).toMatch(/valid, 5 workers \(5 enabled\)/);
  });

  it('reports every problem of a broken file as FILE:LINE:COL and exits 1', async () => {
    dir = await tempDir();
    const file = await dir.write(
      'broken.yaml',
      [
        'workers:',
        '  - id: "bad id"',
        '    type: process',
        '    executable_path: /nonexistent/worker',
        '    restart: { retry_delay: soon }',
        '  - id: mod',
        '    type: module',
        '    module_type: native',
        '    colour: blue',
        '',
      ].join('\n'),
    );
    const { code, stdout } = await cli(['validate', file]).done;
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^${file}:2:9 workers\\[0\\]\\.id: `)),
      expect.stringMatching(new RegExp(`^${file}:4:22 workers\\[0\\]\\.executable_path: `)),
      expect.stringMatching(new RegExp(`^${file}:5:29 workers\\[0\\]\\.restart\\.retry_delay: `)),
      expect.stringMatching(new RegExp(`^${file}:6:5 workers\\[1\\]`)),
      expect.stringMatching(new RegExp(`^${file}:9:5 workers\\[1\\]\\.colour: unknown key`)),
    ]);
  });
});

describe('hsu-master schema', () => {
  it('prints the JSON Schema that config/workers.schema.json holds', async () => {
    const { code, stdout } = await cli(['schema']).done;
    expect(code).toBe(0);
    const committed: unknown = JSON.parse(
      await readFile(`${ROOT}config/workers.schema.json`, 'utf8'),
    );
    expect(JSON.parse(stdout)).toEqual(workersJsonSchema());
    expect(committed).toEqual(workersJsonSchema());
  });
});

describe('hsu-master run', () => {
  it('keeps workers running and on SIGTERM stops them all, leaving no process behind', async () => {
    dir = await tempDir();
    const file = await dir.write(
      'workers.yaml',
      [
        'workers:',
        '  - id: shell',
        '    type: process',
        '    executable_path: sh',
        '    args: ["-c", "sleep 300 & echo child $!; wait"]',
        '  - id: node',
        '    type: process',
        `    executable_path: ${JSON.stringify(process.execPath)}`,
        '    args: ["-e", "setInterval(() => {}, 1000)"]',
        '',
      ].join('\n'),
    );
    const run = cli(['run', '--config', file]);
    const pids = await waitFor('both workers started', () => {
      const started = [...run.output().matchAll(/"pid":(\d+),"msg":"started pid/g)];
      return started.length === 2 ? started.map((m) => Number(m[1])) : null;
    });

    run.child.kill('SIGTERM');
    const { code, stdout } = await run.done;

    expect(code).toBe(0);
    expect(stdout).toMatch(/all workers stopped/);
    for (const pid of pids) expect(isAlive(pid)).toBe(false);
    const child = Number(/child (\d+)/.exec(stdout)?.[1] ?? NaN);
    expect(Number.isNaN(child)).toBe(false);
    expect(isAlive(child)).toBe(false);
  });

  it('keeps supervising when no worker runs any more, until a signal', async () => {
    dir = await tempDir();
    const file = await dir.write(
      'workers.yaml',
      'workers:\n  - id: once\n    type: process\n    executable_path: sh\n' +
        '    args: ["-c", "exit 1"]\n    restart: { policy: never }\n',
    );
    const run = cli(['run', '--config', file]);
    await waitFor('the worker to end', () => run.output().includes('exited with code 1'));
    // Give an idle event loop the moment it would need to end the process by itself.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(run.child.exitCode).toBeNull();

    run.child.kill('SIGTERM');
    const { code, stdout } = await run.done;
    expect(code).toBe(0);
    expect(stdout).toMatch(/SIGTERM received/);
  });
});

describe('hsu-master serve', () => {
  it('refuses a short --token', async () => {
    const { code, stderr } = await cli(['serve', '--token', 'short']).done;
    expect(code).toBe(2);
    expect(stderr).toMatch(/--token must be at least 16 characters/);
  });

  it('says in one line that the port is taken, and leaves no worker behind', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    dir = await tempDir();
    const file = await dir.write(
      'workers.yaml',
      `workers:\n  - id: idle\n    type: process\n    executable_path: sh\n` +
        `    args: ["-c", "sleep 300"]\n`,
    );
    const { code, stderr } = await cli(['serve', '--config', file, '--port', String(port)]).done;
    taken.close();
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      `hsu-master: cannot serve on 127.0.0.1:${port}: the port is already in use`,
    );
  });
});
