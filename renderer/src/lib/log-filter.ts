import type { LogLine, LogStream } from '../../../shared/types.js';
import { plainText } from './ansi.js';

export type StreamFilter = 'all' | LogStream;

export function filterLogLines(
  lines: readonly LogLine[],
  query: string,
  stream: StreamFilter,
): readonly LogLine[] {
  const needle = query.trim().toLowerCase();
  if (needle === '' && stream === 'all') return lines;
  return lines.filter(
    (line) =>
      (stream === 'all' || line.stream === stream) &&
      (needle === '' || plainText(line).toLowerCase().includes(needle)),
  );
}
