// Round tick values for the charts' axes. Left alone, recharts spaces time ticks evenly over
// the data, so a short span shows the same second several times, and byte axes land on
// figures such as 57.2 MiB.

const SECOND = 1000;
const LONGEST_STEP = 21_600 * SECOND;
const TIME_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200].map(
  (seconds) => seconds * SECOND,
);

/** Ticks on whole seconds (or minutes, or hours) from `min` to `max`, about `target` of them. */
export function timeTicks(min: number, max: number, target = 6): number[] {
  if (!(max > min)) return [min];
  const span = max - min;
  const step = TIME_STEPS.find((s) => span / s <= target) ?? LONGEST_STEP;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max; t += step) ticks.push(t);
  return ticks.length > 0 ? ticks : [min];
}

/** Ticks from 0 in round steps (1, 2, 2.5 or 5 times a power of ten) up to at least `max`. */
export function niceTicks(max: number, target = 4): number[] {
  if (!(max > 0)) return [0];
  const raw = max / target;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const ticks = [0];
  while ((ticks.at(-1) as number) < max) ticks.push(Number((ticks.length * step).toPrecision(12)));
  return ticks;
}

/** Percent of a core: round steps, and 0 to 1 % while nothing is used. */
export function percentTicks(max: number): number[] {
  return niceTicks(max > 0 ? max : 1);
}

const UNIT = 1024;

/** Round steps in the largest binary unit under `max`: 0, 20, 40, 60 MiB. */
export function byteTicks(max: number): number[] {
  if (!(max > 0)) return [0];
  const unit = UNIT ** Math.min(4, Math.max(0, Math.floor(Math.log(max) / Math.log(UNIT))));
  return niceTicks(max / unit).map((tick) => tick * unit);
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** A byte tick as short as it can be: "20 MiB", "2.5 GiB". */
export function formatByteTick(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= UNIT && unit < BYTE_UNITS.length - 1) {
    value /= UNIT;
    unit += 1;
  }
  return `${Number(value.toFixed(2))} ${BYTE_UNITS[unit]}`;
}
