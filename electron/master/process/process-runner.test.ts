import { chmod, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pidtree from 'pidtree';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_LINE_BYTES } from './line-splitter.js';
import { ProcessRunner } from './process-runner.js';
import {
  eventually,
  isGone,
  Output,
  RunTracker,
  silentLogger,
  workerConfig,
} from './test-helpers.js';

const NODE = process.execPath;
const runs = new RunTracker();
let tmp: string;

beforeAll(async () => {
  tmp = await realpath(await mkdtemp(path.join(os.tmpdir(), 'hsu-runner-')));
});
afterEach(() => runs.cleanup());
afterAll(() => rm(tmp, { recursive: true, force: true }));

const nodeWorker = (script: string, extra = {}) => workerConfig(NODE, ['-e', script], extra);

describe('ProcessRunner output', () => {
  it('tells stdout from stderr', async () => {
    const [handle, output] = await runs.launch(
      nodeWorker("console.log('to out'); console.error('to err')"),
    );

    expect((await handle.exited).code).toBe(0);
    await output.waitFor((text) => text === 'to err');
    await output.waitFor((text) => text === 'to out');

    expect(output.texts('stdout')).toEqual(['to out']);
    expect(output.texts('stderr')).toEqual(['to err']);
  });

  it('cuts a 70 000-byte line with a marker and keeps the lines after it', async () => {
    const [, output] = await runs.launch(
      nodeWorker("process.stdout.write('y'.repeat(70000) + '\\nafter\\n')"),
    );

    await output.waitFor((text) => text === 'after');

    const [long, after] = output.texts('stdout');
    expect(long).toBe(`${'y'.repeat(MAX_LINE_BYTES)} … [line truncated: 70000 bytes]`);
    expect(after).toBe('after');
  });

  it('decodes a UTF-8 character whose bytes come in two writes', async () => {
    const script = `
      const bytes = Buffer.from('price: 5 €\\n');
      const cut = bytes.indexOf(0xe2) + 1;
      process.stdout.write(bytes.subarray(0, cut), () =>
        setTimeout(() => process.stdout.write(bytes.subarray(cut)), 50));`;
    const [, output] = await runs.launch(nodeWorker(script));

    expect(await output.waitFor((text) => text.startsWith('price'))).toBe('price: 5 €');
  });

  it('keeps a last line without a newline', async () => {
    const [handle, output] = await runs.launch(
      nodeWorker("process.stdout.write('first\\nno newline at the end')"),
    );

    await handle.exited;
    await output.waitFor((text) => text.startsWith('no newline'));

    expect(output.texts('stdout')).toEqual(['first', 'no newline at the end']);
  });
});

describe('ProcessRunner environment, arguments and directory', () => {
  it('passes environment values byte for byte', async () => {
    const environment = { V1: 'a%2Bb', V2: 'bar_%s_%s', V3: '$5', V4: 'x y' };
    const script = "console.log(JSON.stringify(['V1','V2','V3','V4'].map((k) => process.env[k])))";
    const [, output] = await runs.launch(nodeWorker(script, { environment }));

    const line = await output.waitFor((text) => text.startsWith('['));

    expect(JSON.parse(line)).toEqual(['a%2Bb', 'bar_%s_%s', '$5', 'x y']);
  });

  it('keeps the inherited environment under the configured one', async () => {
    process.env.HSU_TEST_INHERITED = 'from master';
    const script = 'console.log(process.env.HSU_TEST_INHERITED)';
    const [, output] = await runs.launch(nodeWorker(script));

    expect(await output.waitFor(() => true)).toBe('from master');
    delete process.env.HSU_TEST_INHERITED;
  });

  it('passes arguments without a shell', async () => {
    const config = workerConfig(NODE, [
      '-e',
      'console.log(JSON.stringify(process.argv.slice(1)))',
      '$HOME',
      'a b',
      '*',
    ]);
    const [, output] = await runs.launch(config);

    const line = await output.waitFor((text) => text.startsWith('['));

    expect(JSON.parse(line)).toEqual(['$HOME', 'a b', '*']);
  });

  it('runs in the working directory', async () => {
    const config = nodeWorker('console.log(process.cwd())', { working_directory: tmp });
    const [, output] = await runs.launch(config);

    expect(await output.waitFor(() => true)).toBe(tmp);
  });

  it('finds a bare command name on PATH', async () => {
    const [handle, output] = await runs.launch(workerConfig('sh', ['-c', 'echo via path']));

    expect(await output.waitFor(() => true)).toBe('via path');
    expect((await handle.exited).code).toBe(0);
  });
});

describe('ProcessRunner launch failures', () => {
  it('rejects a missing executable, naming its path', async () => {
    const missing = path.join(tmp, 'no-such-program');

    await expect(runs.launch(workerConfig(missing, []))).rejects.toThrow(
      `executable not found: ${missing}`,
    );
  });

  it('rejects a missing bare command, naming it', async () => {
    await expect(runs.launch(workerConfig('hsu-no-such-command', []))).rejects.toThrow(
      'executable not found: hsu-no-such-command',
    );
  });

  it('rejects a file that is not executable with permission denied', async () => {
    const file = path.join(tmp, 'not-executable.sh');
    await writeFile(file, '#!/bin/sh\necho hi\n');
    await chmod(file, 0o644);

    await expect(runs.launch(workerConfig(file, []))).rejects.toThrow(`permission denied: ${file}`);
  });

  it('rejects a missing working directory, naming it', async () => {
    const dir = path.join(tmp, 'no-such-dir');

    await expect(runs.launch(workerConfig(NODE, [], { working_directory: dir }))).rejects.toThrow(
      `working directory not found: ${dir}`,
    );
  });

  it('rejects without spawning when the signal is already aborted', async () => {
    const abort = new AbortController();
    abort.abort();
    const runner = new ProcessRunner(workerConfig('sleep', ['300']), silentLogger);

    await expect(runner.launch(new Output(), abort.signal)).rejects.toThrow('aborted');
  });

  it('kills what it spawned when aborted before the spawn completed', async () => {
    const abort = new AbortController();
    const runner = new ProcessRunner(workerConfig('sleep', ['300']), silentLogger);

    const launching = runner.launch(new Output(), abort.signal);
    abort.abort();

    await expect(launching).rejects.toThrow('aborted');
    const noneLeft = await eventually(async () => (await pidtree(process.pid)).every(isGone));
    expect(noneLeft).toBe(true);
  });
});

describe('ProcessRunner.describeExecutable', () => {
  it('describes an absolute executable', () => {
    const runner = new ProcessRunner(workerConfig(NODE, []), silentLogger);

    expect(runner.describeExecutable()).toEqual({ path: NODE, exists: true, executable: true });
  });

  it('finds a bare name on PATH', () => {
    const info = new ProcessRunner(workerConfig('sh', []), silentLogger).describeExecutable();

    expect(path.isAbsolute(info.path)).toBe(true);
    expect(path.basename(info.path)).toBe('sh');
    expect(info).toMatchObject({ exists: true, executable: true });
  });

  it('tells a missing file from one that cannot be run', async () => {
    const file = path.join(tmp, 'plain.txt');
    await writeFile(file, 'text');
    await chmod(file, 0o644);
    const missing = path.join(tmp, 'missing');

    const describe = (exe: string) =>
      new ProcessRunner(workerConfig(exe, []), silentLogger).describeExecutable();

    expect(describe(missing)).toEqual({ path: missing, exists: false, executable: false });
    expect(describe(file)).toEqual({ path: file, exists: true, executable: false });
    expect(describe('hsu-no-such-command')).toMatchObject({ exists: false });
  });
});
