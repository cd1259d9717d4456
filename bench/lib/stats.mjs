// Order statistics and a plain-text table, so every part prints its figures the same way.

/** The q-quantile (0..1) of the values by nearest rank; NaN when there are none. */
export function quantile(values, q) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

export const median = (values) => quantile(values, 0.5);
export const p95 = (values) => quantile(values, 0.95);

/** A table row setting two samples side by side: label, runs, then median and p95 of each. */
export function comparisonRow(label, measured, baseline) {
  return [
    label,
    measured.length,
    ms(median(measured)),
    ms(p95(measured)),
    ms(median(baseline)),
    ms(p95(baseline)),
  ];
}

export function mean(values) {
  return values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;
}

/** `12.3 ms`, or `1.23 s` past ten seconds; a dash for a missing figure. */
export function ms(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  const size = Math.abs(value);
  if (size >= 10_000) return `${(value / 1000).toFixed(2)} s`;
  if (size >= 100) return `${value.toFixed(0)} ms`;
  return `${value.toFixed(size >= 10 ? 1 : 2)} ms`;
}

export function num(value, digits = 0) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

export function mb(bytes) {
  return `${num(bytes / (1024 * 1024), 1)} MB`;
}

/** Prints a title and an aligned table; numbers line up on the right. */
export function printTable(title, headers, rows, notes = []) {
  const cells = [headers, ...rows].map((row) => row.map((cell) => String(cell)));
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const line = (row) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  const out = [`\n${title}`, line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const row of cells.slice(1)) out.push(line(row));
  for (const note of notes) out.push(`  ${note}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

/**
 * Event loop lag from a monitorEventLoopDelay histogram: the histogram holds whole timer
 * intervals, so the timer's own resolution is taken off.
 */
export function loopLag(histogram, resolutionMs, q) {
  const value = q === 'max' ? histogram.max : histogram.percentile(q * 100);
  return Math.max(0, value / 1e6 - resolutionMs);
}
