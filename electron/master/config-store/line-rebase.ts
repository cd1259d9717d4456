// Carries an edit made to the YAML library's printing of a file back onto the file as people
// wrote it, so that every line the edit did not touch keeps its exact bytes (aligned comments,
// flow spacing, folded text) even though the library prints those lines its own way.
import { commonSubsequence } from './common-subsequence.js';

/** A run of baseline lines and the run of original lines it stands for. */
interface Unit {
  baseStart: number;
  baseEnd: number;
  origStart: number;
  origEnd: number;
}

const same = (x: string, y: string) => x === y;

/**
 * `baseline` is the library's printing of `original`; `edited` is its printing after the
 * edit. Returns `original` with the lines that changed from `baseline` to `edited` replaced.
 */
export function rebaseLines(original: string, baseline: string, edited: string): string {
  const orig = original.split('\n');
  const base = baseline.split('\n');
  const next = edited.split('\n');
  const units = alignUnits(base, orig);

  const kept = new Array<boolean>(base.length).fill(false);
  const inserted = Array.from({ length: base.length + 1 }, (): string[] => []);
  let j = 0;
  for (const [bi, ej] of commonSubsequence(base, next, same)) {
    inserted[bi]?.push(...next.slice(j, ej));
    kept[bi] = true;
    j = ej + 1;
  }
  inserted[base.length]?.push(...next.slice(j));

  for (const unit of units) {
    const b = unit.baseStart;
    const replacement = inserted[b + 1];
    if (unit.baseEnd !== b + 1 || unit.origEnd !== unit.origStart + 1 || kept[b]) continue;
    if (!replacement || replacement.length === 0) continue;
    replacement[0] = keepCommentColumn(
      orig[unit.origStart] ?? '',
      base[b] ?? '',
      replacement[0] ?? '',
    );
  }

  const out: string[] = [];
  for (const unit of units) {
    if (unit.baseStart === unit.baseEnd) {
      out.push(...orig.slice(unit.origStart, unit.origEnd));
      continue;
    }
    out.push(...(inserted[unit.baseStart] ?? []));
    let untouched = true;
    for (let b = unit.baseStart; b < unit.baseEnd; b++) {
      if (!kept[b] || (b > unit.baseStart && (inserted[b]?.length ?? 0) > 0)) untouched = false;
    }
    if (untouched) {
      out.push(...orig.slice(unit.origStart, unit.origEnd));
      continue;
    }
    for (let b = unit.baseStart; b < unit.baseEnd; b++) {
      if (b > unit.baseStart) out.push(...(inserted[b] ?? []));
      if (kept[b]) out.push(base[b] ?? '');
    }
  }
  out.push(...(inserted[base.length] ?? []));
  return out.join('\n');
}

/**
 * Pairs baseline lines with original lines: equal lines one to one, and between them a run
 * of differing lines one to one when both runs are as long (a reprinted line), else as a block.
 */
function alignUnits(base: readonly string[], orig: readonly string[]): Unit[] {
  const units: Unit[] = [];
  let b = 0;
  let o = 0;
  const gap = (bEnd: number, oEnd: number) => {
    if (bEnd - b === oEnd - o) {
      for (; b < bEnd; b++, o++) units.push(single(b, o));
    } else if (bEnd > b || oEnd > o) {
      units.push({ baseStart: b, baseEnd: bEnd, origStart: o, origEnd: oEnd });
    }
    b = bEnd;
    o = oEnd;
  };
  for (const [bi, oi] of commonSubsequence(base, orig, same)) {
    gap(bi, oi);
    units.push(single(bi, oi));
    b = bi + 1;
    o = oi + 1;
  }
  gap(base.length, orig.length);
  return units;
}

function single(b: number, o: number): Unit {
  return { baseStart: b, baseEnd: b + 1, origStart: o, origEnd: o + 1 };
}

/**
 * An edited line whose comment the file had aligned to a column (`port: 80    # public`) keeps
 * that column, which the library's printing (`port: 80 # public`) would lose.
 */
function keepCommentColumn(orig: string, base: string, edited: string): string {
  for (let i = base.indexOf(' #'); i >= 0; i = base.indexOf(' #', i + 1)) {
    const comment = base.slice(i + 1);
    if (!orig.endsWith(comment) || !edited.endsWith(` ${comment}`)) continue;
    const origCode = orig.slice(0, orig.length - comment.length);
    if (origCode.trimEnd() !== base.slice(0, i)) continue;
    const code = edited.slice(0, edited.length - comment.length - 1);
    return code.length < origCode.length ? code.padEnd(origCode.length) + comment : edited;
  }
  return edited;
}
