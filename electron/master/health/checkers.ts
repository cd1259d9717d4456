// One checker per health_check.type. A checker answers ok or not with a message; it honours
// the signal it is given, and run-check.ts bounds it by the configured timeout either way.
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import type { HealthCheckConfig } from '../../../shared/config-schema.js';
import { assertNever } from '../../../shared/types.js';
import { runExecCheck } from './exec-check.js';

/** What a health check may ask of the worker it watches. */
export interface HealthContext {
  /** The worker's process id, or null when it has none running. */
  pid(): number | null;
  /** The module's own verdict, for `type: module`. */
  isHealthy?(): boolean | Promise<boolean>;
}

export interface CheckOutcome {
  ok: boolean;
  message: string;
}

export type HealthChecker = (signal: AbortSignal) => Promise<CheckOutcome>;

type HttpCheck = NonNullable<HealthCheckConfig['http']>;
type TcpCheck = NonNullable<HealthCheckConfig['tcp']>;

export function createHealthChecker(
  config: HealthCheckConfig,
  context: HealthContext,
): HealthChecker {
  switch (config.type) {
    case 'process':
      return () => checkProcess(context);
    case 'http': {
      const http = section(config, 'http');
      return (signal) => checkHttp(http, signal);
    }
    case 'tcp': {
      const tcp = section(config, 'tcp');
      return (signal) => checkTcp(tcp, signal);
    }
    case 'exec': {
      const exec = section(config, 'exec');
      return (signal) => runExecCheck(exec, signal);
    }
    case 'module':
      return () => checkModule(context);
    default:
      return assertNever(config.type, 'health check type');
  }
}

function section<K extends 'http' | 'tcp' | 'exec'>(
  config: HealthCheckConfig,
  key: K,
): NonNullable<HealthCheckConfig[K]> {
  const value = config[key];
  // The schema demands the section; this guards configs built in code.
  if (!value) throw new Error(`a health check of type ${key} needs a "${key}" section`);
  return value;
}

/**
 * Whether a process exists and is not a zombie: an exited child that nobody reaped still
 * answers signal 0, yet it runs nothing.
 */
export async function isProcessAlive(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  if (process.platform !== 'linux') return true;
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

async function checkProcess(context: HealthContext): Promise<CheckOutcome> {
  const pid = context.pid();
  if (pid === null) return { ok: false, message: 'no process is running' };
  return (await isProcessAlive(pid))
    ? { ok: true, message: `process ${pid} is alive` }
    : { ok: false, message: `process ${pid} is gone` };
}

async function checkHttp(http: HttpCheck, signal: AbortSignal): Promise<CheckOutcome> {
  const response = await fetch(http.url, { method: http.method, headers: http.headers, signal });
  // The body is never read; cancelling it frees the connection at once.
  await response.body?.cancel();
  const { status } = response;
  const expected = http.expected_status;
  const ok = expected ? expected.includes(status) : status >= 200 && status < 300;
  if (ok) return { ok, message: `HTTP ${status}` };
  return { ok, message: `HTTP ${status}, expected ${expected ? expected.join(' or ') : '2xx'}` };
}

function checkTcp(tcp: TcpCheck, signal: AbortSignal): Promise<CheckOutcome> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: tcp.host, port: tcp.port });
    const onAbort = (): void => {
      socket.destroy();
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => {
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve({ ok: true, message: `connected to ${tcp.host}:${tcp.port}` });
    });
    socket.once('error', (error) => {
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      reject(error);
    });
  });
}

async function checkModule(context: HealthContext): Promise<CheckOutcome> {
  if (!context.isHealthy) return { ok: false, message: 'the worker offers no isHealthy()' };
  const healthy = await context.isHealthy();
  return healthy
    ? { ok: true, message: 'isHealthy() returned true' }
    : { ok: false, message: 'isHealthy() returned false' };
}
