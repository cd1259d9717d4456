// The lines a save would change, as rows for the diff view: long unchanged runs are folded so
// that the changes stand out.
import { diffLines } from 'diff';

export type DiffRow =
  | { kind: 'added' | 'removed' | 'same'; text: string; line: number }
  | { kind: 'folded'; count: number };

function splitLines(value: string): string[] {
  const lines = value.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Rows from `before` to `after`, keeping `context` unchanged lines around each change. */
export function diffRows(before: string, after: string, context = 3): DiffRow[] {
  const rows: DiffRow[] = [];
  let oldLine = 1;
  let newLine = 1;
  for (const change of diffLines(before, after)) {
    for (const text of splitLines(change.value)) {
      if (change.added) rows.push({ kind: 'added', text, line: newLine++ });
      else if (change.removed) rows.push({ kind: 'removed', text, line: oldLine++ });
      else {
        rows.push({ kind: 'same', text, line: newLine++ });
        oldLine++;
      }
    }
  }
  return fold(rows, context);
}

function fold(rows: DiffRow[], context: number): DiffRow[] {
  const near = rows.map(() => false);
  rows.forEach((row, index) => {
    if (row.kind === 'same') return;
    for (let i = Math.max(0, index - context); i <= Math.min(rows.length - 1, index + context); i++)
      near[i] = true;
  });
  const out: DiffRow[] = [];
  for (let i = 0; i < rows.length;) {
    if (near[i]) {
      out.push(rows[i] as DiffRow);
      i++;
      continue;
    }
    let end = i;
    while (end < rows.length && !near[end]) end++;
    out.push({ kind: 'folded', count: end - i });
    i = end;
  }
  return out;
}

export function countChanges(rows: readonly DiffRow[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const row of rows) {
    if (row.kind === 'added') added++;
    if (row.kind === 'removed') removed++;
  }
  return { added, removed };
}
