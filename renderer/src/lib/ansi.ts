// ANSI-coloured log text as plain segments with colours; React renders them as text, so nothing
// a worker prints is ever interpreted as markup.
import Anser from 'anser';
import type { LogLine } from '../../../shared/types.js';

export interface AnsiSegment {
  text: string;
  /** CSS colours, e.g. "rgb(187, 0, 0)"; null for the default. */
  color: string | null;
  background: string | null;
  bold: boolean;
  dim: boolean;
  italic: boolean;
  underline: boolean;
}

const rgb = (value: string | null | undefined): string | null => (value ? `rgb(${value})` : null);

export function ansiSegments(text: string): AnsiSegment[] {
  return Anser.ansiToJson(text, { json: true, remove_empty: true }).map((entry) => {
    // Anser has already swapped the colours of reverse-video text.
    return {
      text: entry.decorations.includes('hidden') ? ' '.repeat(entry.content.length) : entry.content,
      color: rgb(entry.fg),
      background: rgb(entry.bg),
      bold: entry.decorations.includes('bold'),
      dim: entry.decorations.includes('dim'),
      italic: entry.decorations.includes('italic'),
      underline: entry.decorations.includes('underline'),
    };
  });
}

// Lines never change once received, so their parsed forms are cached by identity.
const segmentCache = new WeakMap<LogLine, AnsiSegment[]>();
const plainCache = new WeakMap<LogLine, string>();

export function lineSegments(line: LogLine): AnsiSegment[] {
  let segments = segmentCache.get(line);
  if (!segments) {
    segments = ansiSegments(line.text);
    segmentCache.set(line, segments);
  }
  return segments;
}

/** The text without escape sequences: what a search matches against. */
export function plainText(line: LogLine): string {
  let plain = plainCache.get(line);
  if (plain === undefined) {
    plain = Anser.ansiToText(line.text);
    plainCache.set(line, plain);
  }
  return plain;
}
