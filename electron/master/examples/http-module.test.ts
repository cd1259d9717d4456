import { request, Agent } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createModuleRunner } from '../module/module-runner.js';
import { NativeModuleRegistry } from '../module/native-registry.js';
import {
  memoryLogger,
  moduleConfig,
  recordEvents,
} from '../module/test-support/module-fixtures.js';
import type { RunHandle, WorkerRunner } from '../worker/runner.js';
import { registerBuiltinModules } from './register-builtins.js';

const handles: RunHandle[] = [];
const agents: Agent[] = [];

afterEach(async () => {
  agents.splice(0).forEach((agent) => agent.destroy());
  await Promise.all(handles.splice(0).map((handle) => handle.terminate(2000)));
});

function httpRunner(isolation: 'inline' | 'thread', config: Record<string, unknown>): WorkerRunner {
  const registry = new NativeModuleRegistry();
  registerBuiltinModules(registry);
  const worker = moduleConfig(`hello-${isolation}`, {
    module_type: 'native',
    module_name: 'http-module',
    isolation,
    config,
  });
  return createModuleRunner(worker, { registry, logger: memoryLogger().logger });
}

async function launch(runner: WorkerRunner): Promise<{ handle: RunHandle; port: number }> {
  const handle = await runner.launch(recordEvents().events, new AbortController().signal);
  handles.push(handle);
  const address = runner.moduleDiagnostics?.().moduleInfo?.endpoints[0]?.address ?? '';
  return { handle, port: Number(new URL(address).port) };
}

interface Reply {
  status: number;
  body: Record<string, unknown>;
  socket: Socket;
}

function getJson(port: number, path: string, agent?: Agent): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: JSON.parse(text) as Record<string, unknown>,
          socket: req.socket as Socket,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

describe.each(['inline', 'thread'] as const)('http-module (%s)', (isolation) => {
  it('answers /health and /api/hello, then closes its port and keep-alive sockets', async () => {
    const runner = httpRunner(isolation, { host: '127.0.0.1', port: 0 });
    const { handle, port } = await launch(runner);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    agents.push(agent);

    const health = await getJson(port, '/health', agent);
    const hello = await getJson(port, '/api/hello', agent);

    expect(health).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(hello.status).toBe(200);
    expect(hello.body.message).toBe('Hello from http-module');
    expect(hello.body.thread === 0).toBe(isolation === 'inline');
    expect(hello.socket).toBe(health.socket);
    expect(await runner.isHealthy?.()).toBe(true);
    const closed = new Promise<void>((resolve) => hello.socket.once('close', () => resolve()));

    const exit = await handle.terminate(2000);

    expect(exit.code).toBe(0);
    await closed;
    expect(await connectionRefused(port)).toBe(true);
  });

  it('fails to start with a clear message when its port is taken', async () => {
    const first = await launch(httpRunner(isolation, { port: 0 }));
    const second = httpRunner(isolation, { port: first.port });

    await expect(
      second.launch(recordEvents().events, new AbortController().signal),
    ).rejects.toThrow(
      `module panic: http-module: port ${first.port} on 127.0.0.1 is already in use`,
    );
  });
});

describe('http-module config', () => {
  it('refuses a missing port', async () => {
    const runner = httpRunner('inline', { host: '127.0.0.1' });
    await expect(
      runner.launch(recordEvents().events, new AbortController().signal),
    ).rejects.toThrow('module panic: http-module: config.port must be a port number');
  });
});
