// Signalling a worker together with everything it started: its process group on POSIX, its
// tree on Windows, and descendants found by pid (which also reaches those that left the group).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { ProcessTable } from './process-table.js';

const IS_WINDOWS = process.platform === 'win32';
const POLL_MS = 25;

/**
 * Whether a process still runs. A zombie counts as gone: it holds no resources, and where the
 * init process does not reap orphans (some containers) it would otherwise look alive forever.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
  return !isZombie(pid);
}

/** The pids of every descendant of pid (not pid itself); empty when it cannot tell. */
export async function listDescendants(pid: number): Promise<number[]> {
  try {
    return (await ProcessTable.snapshot()).treeOf(pid).slice(1);
  } catch {
    return [];
  }
}

/**
 * Sends a signal; returns whether it was delivered. A process already gone (ESRCH) or one we
 * may not signal (EPERM: its pid now belongs to someone else) is not an error here.
 */
export function sendSignal(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(pid, signal);
    return true;
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ESRCH' || code === 'EPERM') return false;
    throw error;
  }
}

/** Signals the whole process group led by pgid (POSIX); on Windows, the process alone. */
export function signalGroup(pgid: number, signal: NodeJS.Signals): boolean {
  return sendSignal(IS_WINDOWS ? pgid : -pgid, signal);
}

/**
 * Signals pid, its process group and every descendant found now. On Windows a SIGKILL
 * becomes `taskkill /T /F`, the only way to end a tree there. Returns the descendants found.
 */
export async function killProcessTree(
  pid: number,
  signal: NodeJS.Signals = 'SIGKILL',
): Promise<number[]> {
  const descendants = await listDescendants(pid);
  if (IS_WINDOWS && signal === 'SIGKILL') await taskkillTree(pid);
  else signalGroup(pid, signal);
  sendSignal(pid, signal);
  for (const child of descendants) sendSignal(child, signal);
  return descendants;
}

/** `taskkill /pid N /T /F`: ends a process and its whole tree on Windows. */
export function taskkillTree(pid: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn('taskkill', ['/pid', String(pid), '/T', '/F'], {
      stdio: 'ignore',
      windowsHide: true,
    });
    child.once('error', () => resolve());
    child.once('exit', () => resolve());
  });
}

/** Polls until none of pids is alive or timeoutMs passes; returns the pids still alive. */
export async function waitForGone(pids: Iterable<number>, timeoutMs: number): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  let alive = [...pids].filter(isProcessAlive);
  while (alive.length > 0 && Date.now() < deadline) {
    await delay(POLL_MS);
    alive = alive.filter(isProcessAlive);
  }
  return alive;
}

function isZombie(pid: number): boolean {
  if (process.platform !== 'linux') return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The state follows the command name, which is in parentheses and may hold spaces.
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false;
  }
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}
