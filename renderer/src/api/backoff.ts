// Reconnect delays: doubling from half a second, capped, with jitter so that many open pages do
// not all knock at the same instant after a server restart.
export const RECONNECT_BASE_MS = 500;
export const RECONNECT_MAX_MS = 15_000;

/** Delay before reconnect attempt `attempt` (0-based); `random` is in [0, 1). */
export function reconnectDelay(attempt: number, random: number = Math.random()): number {
  const base = RECONNECT_BASE_MS * 2 ** Math.min(attempt, 20);
  return Math.min(RECONNECT_MAX_MS, Math.round(base * (0.8 + 0.4 * random)));
}
