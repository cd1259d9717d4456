import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConfigProblem } from '../../../shared/api-contract.js';
import { formatProblem, loadConfigFile, loadConfigText, type LoadResult } from './loader.js';

let dir: string;
const savedPath = process.env['PATH'];

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hsu-config-'));
});

afterEach(async () => {
  process.env['PATH'] = savedPath;
  await rm(dir, { recursive: true, force: true });
});

async function writeConfig(text: string, name = 'workers.yaml'): Promise<string> {
  const file = path.join(dir, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  return file;
}

async function writeScript(relative: string, mode = 0o755): Promise<string> {
  const file = path.join(dir, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, '#!/bin/sh\nexit 0\n');
  await chmod(file, mode);
  return file;
}

function problemsOf(result: LoadResult): ConfigProblem[] {
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.problems;
}

/** Problems as `FILE:LINE:COL message`, with the temp folder shortened to `DIR`. */
function lines(result: LoadResult): string[] {
  return problemsOf(result).map((problem) => formatProblem(problem).split(dir).join('DIR'));
}

function loaded(result: LoadResult) {
  if (!result.ok) throw new Error(`expected a valid file, got:\n${lines(result).join('\n')}`);
  return result.config;
}

describe('loading a valid file', () => {
  it('merges defaults, follows anchors and makes every path absolute', async () => {
    await writeScript('bin/server');
    const file = await writeConfig(`# workers for the test
master:
  log_level: debug        # more detail
global:
  process_defaults:
    environment: { SHARED: "yes", MODE: "default" }
    args: [--from-defaults]
    restart: { max_retries: 9, retry_delay: 2s }
workers:
  - id: api
    type: process
    executable_path: ./bin/server
    args: [--port, "8080"]
    environment: { MODE: "api" }
    restart: &fast
      policy: always
      retry_delay: 500ms
  - id: batch
    type: process
    executable_path: bin/server
    working_directory: bin
    restart:
      <<: *fast
      max_retries: 1
  - id: hello
    type: module
    module_type: native
    module_name: echo
`);
    const config = loaded(await loadConfigFile(file, { nativeModules: ['echo'] }));

    expect(config.path).toBe(file);
    expect(config.dir).toBe(dir);
    expect(config.master.log_level).toBe('debug');
    const [api, batch, hello] = config.workers;
    expect(api).toMatchObject({
      executable_path: path.join(dir, 'bin/server'),
      working_directory: dir,
      args: ['--port', '8080'],
      environment: { SHARED: 'yes', MODE: 'api' },
      restart: { policy: 'always', max_retries: 9, retry_delay: '500ms' },
    });
    expect(batch).toMatchObject({
      executable_path: path.join(dir, 'bin/server'),
      working_directory: path.join(dir, 'bin'),
      args: ['--from-defaults'],
      environment: { SHARED: 'yes', MODE: 'default' },
      restart: { policy: 'always', max_retries: 1, retry_delay: '500ms' },
    });
    expect(hello).toMatchObject({ type: 'module', module_name: 'echo' });
    expect(hello).not.toHaveProperty('environment');
  });

  it('treats an empty file as no workers', async () => {
    const config = loaded(await loadConfigFile(await writeConfig('')));
    expect(config.workers).toEqual([]);
  });

  it('validates text as if it were at the given path, without the file existing', async () => {
    await writeScript('tools/run');
    const text = 'workers:\n  - id: a\n    type: process\n    executable_path: ../tools/run\n';
    const config = loaded(await loadConfigText(text, path.join(dir, 'conf', 'workers.yaml')));
    expect(config.workers[0]).toMatchObject({ executable_path: path.join(dir, 'tools/run') });
  });
});

describe('reporting problems', () => {
  it('reports every mistake of a malformed file with its line and column', async () => {
    const file = await writeConfig(`master:
  log_level: loud
workers:
  - id: api
    type: process
    exectuable_path: /bin/sh
    restart:
      retry_delay: 5 seconds
      max_retries: -1
  - id: api
    type: process
    executable_path: ./bin/missing
    environment:
      PORT: 8080
  - id: bad id!
    type: module
    module_type: native
    module_name: nope
  - id: plug
    type: module
    module_type: plugin
    isolation: sideways
`);
    const result = await loadConfigFile(file, { nativeModules: ['http-module', 'echo'] });

    expect(lines(result)).toEqual([
      'DIR/workers.yaml:2:14 master.log_level: ' +
        '"loud" is not allowed: must be one of "debug", "info", "warn", "error"',
      'DIR/workers.yaml:6:5 workers[0].exectuable_path: ' +
        'unknown key; did you mean "executable_path"?',
      'DIR/workers.yaml:8:20 workers[0].restart.retry_delay: ' +
        '"5 seconds" is not a duration (use e.g. "500ms", "10s", "2m")',
      'DIR/workers.yaml:9:20 workers[0].restart.max_retries: must be at least 0',
      'DIR/workers.yaml:10:9 workers[1].id: duplicate worker id "api" (first at line 4)',
      'DIR/workers.yaml:12:22 workers[1].executable_path: ' +
        '"./bin/missing" does not exist (looked for DIR/bin/missing)',
      'DIR/workers.yaml:14:13 workers[1].environment.PORT: ' +
        'must be a string (quote numbers and booleans)',
      'DIR/workers.yaml:15:9 workers[2].id: must be 1-64 characters of A-Z, a-z, 0-9, "_" or "-"',
      'DIR/workers.yaml:18:18 workers[2].module_name: ' +
        'no native module named "nope" is registered (registered: http-module, echo)',
      'DIR/workers.yaml:19:5 workers[3].module_path: ' +
        'is required (a plugin module needs "module_path" or "package")',
      'DIR/workers.yaml:22:16 workers[3].isolation: ' +
        '"sideways" is not allowed: must be one of "inline", "thread"',
    ]);
    const problem = problemsOf(result)[3];
    expect(problem).toEqual({
      file,
      line: 9,
      column: 20,
      path: 'workers[0].restart.max_retries',
      message: 'workers[0].restart.max_retries: must be at least 0',
    });
  });

  it('stops at a YAML syntax error and gives its position', async () => {
    const file = await writeConfig('workers:\n  - id: "api\n    type: process\n');
    expect(lines(await loadConfigFile(file))).toEqual([
      'DIR/workers.yaml:4:1 YAML syntax error: Missing closing "quote',
    ]);
  });

  it('reports a duplicate key at its second occurrence, naming the first', async () => {
    const file = await writeConfig(
      'workers:\n  - id: a\n    type: process\n    executable_path: /bin/sh\n' +
        '    args: [x]\n    args: [y]\n',
    );
    expect(lines(await loadConfigFile(file))).toEqual([
      'DIR/workers.yaml:6:5 workers[0].args: duplicate key (first at line 5)',
    ]);
  });

  it('suggests the closest known key and stays quiet when nothing is close', async () => {
    const file = await writeConfig(
      'workers:\n  - id: a\n    type: process\n    executable_path: /bin/sh\n' +
        '    health_chek:\n      type: process\n    colour: blue\n',
    );
    expect(lines(await loadConfigFile(file))).toEqual([
      'DIR/workers.yaml:5:5 workers[0].health_chek: unknown key; did you mean "health_check"?',
      'DIR/workers.yaml:7:5 workers[0].colour: unknown key',
    ]);
  });

  it('reports a missing type and an unknown one', async () => {
    const file = await writeConfig('workers:\n  - id: a\n  - id: b\n    type: proces\n');
    expect(lines(await loadConfigFile(file))).toEqual([
      'DIR/workers.yaml:2:5 workers[0].type: is required ("process" or "module")',
      'DIR/workers.yaml:4:11 workers[1].type: ' +
        '"proces" is not one of "process", "module"; did you mean "process"?',
    ]);
  });

  it('reports a process worker with neither executable_path nor package', async () => {
    const file = await writeConfig('workers:\n  - id: a\n    type: process\n');
    expect(lines(await loadConfigFile(file))).toEqual([
      'DIR/workers.yaml:2:5 workers[0].executable_path: ' +
        'is required (a process worker needs "executable_path" or "package")',
    ]);
  });

  it('reports a file that exists but cannot be executed', async () => {
    await writeScript('bin/plain', 0o644);
    const file = await writeConfig(
      'workers:\n  - id: a\n    type: process\n    executable_path: bin/plain\n',
    );
    expect(lines(await loadConfigFile(file))).toEqual([
      'DIR/workers.yaml:4:22 workers[0].executable_path: ' +
        '"bin/plain" is not executable (mark it so with chmod +x) (looked for DIR/bin/plain)',
    ]);
  });

  it('skips executable checks when asked to', async () => {
    const file = await writeConfig(
      'workers:\n  - id: a\n    type: process\n    executable_path: ./nowhere\n',
    );
    const config = loaded(await loadConfigFile(file, { checkExecutables: false }));
    expect(config.workers[0]).toMatchObject({ executable_path: path.join(dir, 'nowhere') });
  });

  it('finds a bare command on PATH and stores it absolute', async () => {
    const tool = await writeScript('path-bin/hsu-test-tool');
    process.env['PATH'] = `${path.join(dir, 'path-bin')}${path.delimiter}${savedPath ?? ''}`;
    const file = await writeConfig(
      'workers:\n  - id: a\n    type: process\n    executable_path: hsu-test-tool\n' +
        '  - id: b\n    type: process\n    executable_path: hsu-no-such-tool\n',
    );
    expect(lines(await loadConfigFile(file))).toEqual([
      'DIR/workers.yaml:7:22 workers[1].executable_path: "hsu-no-such-tool" was not found on PATH',
    ]);
    const text = 'workers:\n  - id: a\n    type: process\n    executable_path: hsu-test-tool\n';
    const config = loaded(await loadConfigText(text, file));
    expect(config.workers[0]).toMatchObject({ executable_path: tool });
  });

  it('lists the registered native modules, or says there are none', async () => {
    const file = await writeConfig(
      'workers:\n  - id: ' +
        'm\n    type: module\n    module_type: native\n    module_name: htp-module\n',
    );
    expect(lines(await loadConfigFile(file, { nativeModules: ['http-module', 'echo'] }))).toEqual([
      'DIR/workers.yaml:5:18 workers[0].module_name: ' +
        'no native module named "htp-module" is registered (registered: http-module, echo)',
    ]);
    expect(lines(await loadConfigFile(file, { nativeModules: [] }))).toEqual([
      'DIR/workers.yaml:5:18 workers[0].module_name: ' +
        'no native module named "htp-module" is registered (none are registered)',
    ]);
    expect((await loadConfigFile(file)).ok).toBe(true);
  });

  it('names the OS error of a file that cannot be read', async () => {
    const missing = path.join(dir, 'absent.yaml');
    const [problem] = problemsOf(await loadConfigFile(missing));
    expect(problem).toMatchObject({ file: missing, line: 1, column: 1, path: '' });
    expect(problem?.message).toMatch(/^cannot read the file: ENOENT/);
  });

  it('rejects a file that is not a map', async () => {
    const file = await writeConfig('- just\n- a list\n');
    expect(lines(await loadConfigFile(file))).toEqual([
      'DIR/workers.yaml:1:1 the file must be a map with "workers" ' +
        '(and optionally "master", "global")',
    ]);
  });
});
