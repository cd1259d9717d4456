// Starts `hsu-master serve` from the build on a temporary workers.yaml, as a user would.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/hsu-master.js', import.meta.url));

export interface ServedMaster {
  /** The URL printed by serve, token included. */
  url: string;
  origin: string;
  token: string;
  dir: string;
  configPath: string;
  output(): string;
  /** Calls the REST API with the token. */
  api<T>(path: string, init?: { method?: string; body?: unknown }): Promise<T>;
  stop(): Promise<void>;
}

export interface ServeOptions {
  /** A fixed port, e.g. to start a master again where a page is still trying to reconnect. */
  port?: number;
  token?: string;
}

/**
 * The environment without colour: the test runner sets FORCE_COLOR, which the workers would
 * inherit beside NO_COLOR, and Node warns about the pair on every worker's stderr.
 */
function plainEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  return env;
}

export async function serve(
  yaml: string,
  files: Record<string, string> = {},
  options: ServeOptions = {},
): Promise<ServedMaster> {
  const dir = await mkdtemp(join(tmpdir(), 'hsu-e2e-'));
  const configPath = join(dir, 'workers.yaml');
  await writeFile(configPath, yaml);
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  const child: ChildProcess = spawn(
    process.execPath,
    [
      BIN,
      'serve',
      '--config',
      configPath,
      '--port',
      String(options.port ?? 0),
      ...(options.token === undefined ? [] : ['--token', options.token]),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: plainEnvironment() },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const deadline = Date.now() + 30_000;
  let match: RegExpExecArray | null = null;
  while (!(match = /control panel: (http:\/\/\S+)/.exec(output))) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`hsu-master serve did not print its URL:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const url = new URL(match[1] as string);
  const token = url.searchParams.get('token') ?? '';

  return {
    url: url.href,
    origin: url.origin,
    token,
    dir,
    configPath,
    output: () => output,
    async api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
      const response = await fetch(`${url.origin}${path}`, {
        method: init.method ?? 'GET',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      const body = (await response.json()) as T;
      if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
      return body;
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(timer);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
