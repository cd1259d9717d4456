// Runs one health check bounded by its timeout, whatever the checker does with its signal,
// and turns the outcome (or the error) into a HealthCheckResult.
import type { HealthCheckConfig } from '../../../shared/config-schema.js';
import { durationMs } from '../../../shared/duration.js';
import type { HealthCheckResult } from '../../../shared/types.js';
import { createHealthChecker, type HealthChecker, type HealthContext } from './checkers.js';

export interface CheckTimeout {
  ms: number;
  /** The timeout as configured ("1s"), for the message. */
  label: string;
}

class CheckTimedOut extends Error {
  constructor(label: string) {
    super(`timed out after ${label}`);
  }
}

class CheckCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/**
 * Runs `checker` once. Resolves within the timeout in every case, never rejects; when `stop`
 * aborts first the result says "cancelled" and the caller should drop it.
 */
export async function runHealthCheck(
  checker: HealthChecker,
  timeout: CheckTimeout,
  stop?: AbortSignal,
): Promise<HealthCheckResult> {
  const time = Date.now();
  const started = performance.now();
  const controller = new AbortController();
  const onStop = (): void => controller.abort(new CheckCancelled());
  if (stop?.aborted) onStop();
  else stop?.addEventListener('abort', onStop, { once: true });
  const timer = setTimeout(() => controller.abort(new CheckTimedOut(timeout.label)), timeout.ms);
  try {
    const outcome = await Promise.race([
      checker(controller.signal),
      whenAborted(controller.signal),
    ]);
    return { time, ok: outcome.ok, latencyMs: elapsed(started), message: outcome.message };
  } catch (error) {
    const reason: unknown = controller.signal.aborted ? controller.signal.reason : error;
    return { time, ok: false, latencyMs: elapsed(started), message: describeError(reason) };
  } finally {
    clearTimeout(timer);
    stop?.removeEventListener('abort', onStop);
  }
}

/** One check of `config` right now, bounded by its run_options.timeout. */
export function checkOnce(
  config: HealthCheckConfig,
  context: HealthContext,
  stop?: AbortSignal,
): Promise<HealthCheckResult> {
  return runHealthCheck(createHealthChecker(config, context), timeoutOf(config), stop);
}

export function timeoutOf(config: HealthCheckConfig): CheckTimeout {
  const label = config.run_options.timeout;
  return { ms: durationMs(label), label };
}

function whenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (signal.aborted) reject(signal.reason as Error);
    else signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
  });
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}

/** fetch and net wrap the useful part ("connect ECONNREFUSED ...") in `cause`. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  if (cause instanceof Error && cause.message) return `${error.message}: ${cause.message}`;
  if (error.message) return error.message;
  return error.name;
}
