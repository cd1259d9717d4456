import type { CSSProperties } from 'react';
import type { LogLine, LogStream } from '../../../../shared/types.js';
import { lineSegments, type AnsiSegment } from '../../lib/ansi.js';
import { formatTime } from '../../lib/format.js';

const MARKERS: Record<LogStream, string> = { stdout: 'out', stderr: 'err', system: 'sys' };

function segmentStyle(segment: AnsiSegment): CSSProperties | undefined {
  if (
    !segment.color &&
    !segment.background &&
    !segment.bold &&
    !segment.dim &&
    !segment.italic &&
    !segment.underline
  ) {
    return undefined;
  }
  return {
    color: segment.color ?? undefined,
    backgroundColor: segment.background ?? undefined,
    fontWeight: segment.bold ? 'bold' : undefined,
    opacity: segment.dim ? 0.7 : undefined,
    fontStyle: segment.italic ? 'italic' : undefined,
    textDecoration: segment.underline ? 'underline' : undefined,
  };
}

/** One log line: time, a stream marker, and the text with its ANSI colours, always as text. */
export function LogLineView({ line }: { line: LogLine }) {
  return (
    <>
      <span className="log-time">{formatTime(line.time)}</span>
      <span className="log-stream" title={line.stream}>
        {MARKERS[line.stream]}
      </span>
      <span className="log-text">
        {lineSegments(line).map((segment, i) => (
          <span key={i} style={segmentStyle(segment)}>
            {segment.text}
          </span>
        ))}
      </span>
    </>
  );
}
