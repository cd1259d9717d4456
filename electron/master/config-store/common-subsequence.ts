// A longest common subsequence of two lists, for aligning list items and text lines.

/** Past this many table cells the middle is left unaligned rather than tying up the thread. */
const MAX_CELLS = 4_000_000;

/** Index pairs `[i, j]`, increasing in both, of items of `a` and `b` that are the same. */
export function commonSubsequence<T>(
  a: readonly T[],
  b: readonly T[],
  same: (x: T, y: T) => boolean,
): [number, number][] {
  // Edits are local: the common head and tail need no table.
  let head = 0;
  while (head < a.length && head < b.length && same(a[head] as T, b[head] as T)) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    same(a[a.length - 1 - tail] as T, b[b.length - 1 - tail] as T)
  ) {
    tail++;
  }
  const pairs: [number, number][] = [];
  for (let k = 0; k < head; k++) pairs.push([k, k]);
  const n = a.length - head - tail;
  const m = b.length - head - tail;
  if (n > 0 && m > 0 && (n + 1) * (m + 1) <= MAX_CELLS) {
    pairs.push(...middle(a, b, head, n, m, same));
  }
  for (let k = tail; k > 0; k--) pairs.push([a.length - k, b.length - k]);
  return pairs;
}

function middle<T>(
  a: readonly T[],
  b: readonly T[],
  head: number,
  n: number,
  m: number,
  same: (x: T, y: T) => boolean,
): [number, number][] {
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  const at = (i: number, j: number) => lengths[i * width + j] ?? 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] = same(a[head + i] as T, b[head + j] as T)
        ? at(i + 1, j + 1) + 1
        : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (same(a[head + i] as T, b[head + j] as T)) {
      pairs.push([head + i, head + j]);
      i++;
      j++;
    } else if (at(i + 1, j) >= at(i, j + 1)) {
      i++;
    } else {
      j++;
    }
  }
  return pairs;
}
