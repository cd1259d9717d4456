// Helpers for module runner tests: plugin files in a temp folder, a logger that keeps its lines,
// runner events that record what they receive, bounded polling, and a server that shows the
// test process still answers.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import pino, { type Logger } from 'pino';
import { moduleWorker, type ModuleWorkerConfig } from '../../../../shared/config-schema.js';
import type { LogStream } from '../../../../shared/types.js';
import type { RunnerEvents } from '../../worker/runner.js';

export function moduleConfig(id: string, fields: Record<string, unknown>): ModuleWorkerConfig {
  return moduleWorker.parse({ id, type: 'module', ...fields });
}

export interface TempDir {
  path: string;
  /** Writes `source` as NAME.mjs and returns its absolute path. */
  plugin(name: string, source: string): Promise<string>;
  remove(): Promise<void>;
}

export async function makeTempDir(): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), 'hsu-module-'));
  return {
    path,
    async plugin(name, source) {
      const file = join(path, `${name}.mjs`);
      await writeFile(file, source);
      return file;
    },
    remove: () => rm(path, { recursive: true, force: true }),
  };
}

export interface MemoryLogger {
  logger: Logger;
  /** Every line logged so far, parsed. */
  entries(): Record<string, unknown>[];
}

export function memoryLogger(): MemoryLogger {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter((line) => line.length > 0),
      );
      done();
    },
  });
  const logger = pino({ level: 'debug' }, sink);
  return {
    logger,
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

export interface RecordedEvents {
  events: RunnerEvents;
  logs: { stream: LogStream; text: string }[];
  panics: Error[];
}

export function recordEvents(): RecordedEvents {
  const recorded: RecordedEvents = {
    logs: [],
    panics: [],
    events: {
      log: (stream, text) => recorded.logs.push({ stream, text }),
      panic: (error) => recorded.panics.push(error),
    },
  };
  return recorded;
}

export { waitFor } from '../../test-support/fixtures.js';

/** Whether a promise has settled by now (checked after pending callbacks have run). */
export async function hasSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

/** The heartbeat plugin from the example configuration. */
export const HEARTBEAT_PLUGIN = fileURLToPath(
  new URL('../../../../config/plugins/heartbeat-plugin.mjs', import.meta.url),
);

/** A server on 127.0.0.1 answering 'still here': asking it shows the test process lives on. */
export interface AliveServer {
  ask(): Promise<string>;
  close(): Promise<void>;
}

export async function startAliveServer(): Promise<AliveServer> {
  const server = createServer((_req, res) => res.end('still here'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    ask() {
      const { port } = server.address() as AddressInfo;
      return new Promise((resolve, reject) => {
        get({ host: '127.0.0.1', port, path: '/' }, (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve(text));
        }).on('error', reject);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
