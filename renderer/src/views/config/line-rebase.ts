// Carries an edit of the YAML library's printing of a file back onto the file as it was
// written: lines the edit did not touch keep their exact bytes (aligned comments, flow
// spacing), though the library prints them its own way.
import { diffArrays } from 'diff';

/** Which original lines a run of baseline lines stands for. */
interface Span {
  base: [number, number];
  orig: [number, number];
}

/**
 * `baseline` is the library's printing of `original`, `edited` its printing after the edit.
 * Returns `original` with only the lines that changed from `baseline` to `edited` replaced.
 */
export function rebaseLines(original: string, baseline: string, edited: string): string {
  if (baseline === edited) return original;
  if (original === baseline) return edited;
  const orig = original.split('\n');
  const base = baseline.split('\n');
  const next = edited.split('\n');

  // For each baseline line: whether the edit kept it, and the new lines inserted before it.
  const kept = new Array<boolean>(base.length).fill(false);
  const before = Array.from({ length: base.length + 1 }, (): string[] => []);
  let b = 0;
  for (const change of diffArrays(base, next)) {
    if (change.added) before[b]?.push(...change.value);
    else if (change.removed) b += change.value.length;
    else for (let i = 0; i < change.value.length; i++) kept[b++] = true;
  }

  const out: string[] = [];
  for (const span of alignSpans(base, orig)) {
    const [from, to] = span.base;
    if (from === to) {
      out.push(...orig.slice(...span.orig));
      continue;
    }
    let untouched = true;
    for (let i = from; i < to; i++) {
      if (!kept[i] || (i > from && (before[i]?.length ?? 0) > 0)) untouched = false;
    }
    out.push(...(before[from] ?? []));
    if (untouched) {
      out.push(...orig.slice(...span.orig));
      continue;
    }
    const single = to - from === 1 && span.orig[1] - span.orig[0] === 1;
    for (let i = from; i < to; i++) {
      if (i > from) out.push(...(before[i] ?? []));
      if (kept[i]) out.push(base[i] ?? '');
    }
    // A line replaced one for one keeps the column its comment was aligned to.
    if (single && !kept[from] && (before[from + 1]?.length ?? 0) > 0) {
      const replaced = before[from + 1] as string[];
      replaced[0] = keepCommentColumn(orig[span.orig[0]] ?? '', replaced[0] ?? '');
    }
  }
  out.push(...(before[base.length] ?? []));
  return out.join('\n');
}

/** Equal lines pair one to one; a differing run pairs line by line when both runs are as long. */
function alignSpans(base: string[], orig: string[]): Span[] {
  const spans: Span[] = [];
  let b = 0;
  let o = 0;
  let removed = 0;
  const flush = (added: number) => {
    if (removed === added) {
      for (let i = 0; i < removed; i++)
        spans.push({ base: [b + i, b + i + 1], orig: [o + i, o + i + 1] });
    } else if (removed > 0 || added > 0) {
      spans.push({ base: [b, b + removed], orig: [o, o + added] });
    }
    b += removed;
    o += added;
    removed = 0;
  };
  for (const change of diffArrays(base, orig)) {
    if (change.removed) {
      removed += change.value.length;
    } else if (change.added) {
      flush(change.value.length);
    } else {
      flush(0);
      for (let i = 0; i < change.value.length; i++, b++, o++) {
        spans.push({ base: [b, b + 1], orig: [o, o + 1] });
      }
    }
  }
  flush(0);
  return spans;
}

/** `port: 80    # public` edited to `port: 81 # public` keeps the comment's column. */
export function keepCommentColumn(orig: string, edited: string): string {
  const at = orig.search(/\s+#/);
  if (at < 0) return edited;
  const comment = orig.slice(orig.indexOf('#', at));
  if (!edited.endsWith(` ${comment}`)) return edited;
  const code = edited.slice(0, edited.length - comment.length).trimEnd();
  const column = orig.length - comment.length;
  return code.length < column ? code.padEnd(column) + comment : edited;
}
