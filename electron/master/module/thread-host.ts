// Entry point of a module's worker thread: loads the module, answers lifecycle requests from
// the runner, reports its heap, and turns the thread's own uncaught errors into panic reports
// instead of letting them end the thread.
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import type { ModuleContext, WorkerModule } from '../../../shared/module.js';
import { assertNever } from '../../../shared/types.js';
import { importWorkerModule } from './module-loader.js';
import {
  serializeError,
  type HealthReply,
  type HostCommand,
  type HostMessage,
  type HostRequest,
  type ThreadHostData,
} from './thread-protocol.js';

if (parentPort === null) throw new Error('thread-host runs only inside a worker thread');
const port = parentPort;
const data = workerData as ThreadHostData;
const runAbort = new AbortController();
let module: WorkerModule | null = null;

function post(message: HostMessage): void {
  port.postMessage(message);
}

process.on('uncaughtException', (error, origin) => {
  post({ type: 'panic', error: serializeError(error), origin });
});
process.on('unhandledRejection', (reason) => {
  post({ type: 'panic', error: serializeError(reason), origin: 'unhandledRejection' });
});

const context: ModuleContext = {
  workerId: data.workerId,
  log: (line) => post({ type: 'log', text: line }),
};

function loaded(): WorkerModule {
  if (module === null) throw new Error('the module is not loaded');
  return module;
}

async function answer(request: HostRequest): Promise<unknown> {
  switch (request.op) {
    case 'load':
      module = await importWorkerModule(data.url, data.exportName, data.label);
      return null;
    case 'initialize':
      return loaded().initialize(request.config, runAbort.signal, context);
    case 'start':
      return loaded().start(runAbort.signal);
    case 'stop': {
      const result = await loaded().stop(AbortSignal.timeout(request.graceMs));
      runAbort.abort();
      return result;
    }
    case 'isHealthy': {
      const current = loaded();
      const reply: HealthReply = { healthy: (await current.isHealthy()) === true, info: null };
      try {
        reply.info = current.getInfo();
      } catch {
        // The info stays as last reported; a failing getInfo() does not make the module unhealthy.
      }
      return reply;
    }
    case 'getInfo':
      return loaded().getInfo();
    default:
      return assertNever(request, 'request');
  }
}

async function handle(request: HostRequest): Promise<void> {
  try {
    const value = await answer(request);
    post({ type: 'reply', id: request.id, ok: true, value: value ?? null });
  } catch (error) {
    // Only the load is the host's own work; anything else threw from the module's code.
    const panic = request.op !== 'load';
    post({ type: 'reply', id: request.id, ok: false, error: serializeError(error), panic });
  }
}

port.on('message', (message: HostRequest | HostCommand) => {
  if (!('id' in message)) {
    if (message.op === 'cancel') runAbort.abort();
    else process.exit(0);
    return;
  }
  void handle(message);
});

function sampleHeap(): void {
  const heap = getHeapStatistics();
  post({
    type: 'heap',
    time: Date.now(),
    usedBytes: heap.used_heap_size,
    totalBytes: heap.total_heap_size,
  });
  setTimeout(sampleHeap, data.heapSampleMs).unref();
}
sampleHeap();
