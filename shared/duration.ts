// Go-style duration strings ("500ms", "10s", "1m30s", "1.5h") as used throughout workers.yaml.

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

const PART = /(\d+(?:\.\d+)?|\.\d+)(ns|us|µs|ms|s|m|h)/y;

/** Parses a duration into milliseconds, or returns null when the text is not a duration. */
export function parseDuration(text: string): number | null {
  if (text === '0') return 0;
  if (text.length === 0) return null;
  let total = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < text.length) {
    const match = PART.exec(text);
    if (!match) return null;
    total += Number(match[1]) * (UNIT_MS[match[2] as string] ?? Number.NaN);
  }
  return Number.isFinite(total) ? total : null;
}

/** Parses a duration already validated by the schema; throws on anything else. */
export function durationMs(text: string): number {
  const ms = parseDuration(text);
  if (ms === null) throw new Error(`not a duration: ${JSON.stringify(text)}`);
  return ms;
}

/** Formats milliseconds for people: 850ms, 4.2s, 3m 5s, 2h 1m. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)}s`;
  const s = Math.floor(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`;
  const m = Math.floor(s / 60);
  if (m < 1440) return `${Math.floor(m / 60)}h ${m % 60}m`;
  return `${Math.floor(m / 1440)}d ${Math.floor((m % 1440) / 60)}h`;
}
