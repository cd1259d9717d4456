// Turns a byte stream into text lines. A worker may print anything: split UTF-8 characters,
// CRLF endings, a last line without a newline, or one enormous line that must neither stall
// the pipe nor grow the master's memory.
import { StringDecoder } from 'node:string_decoder';

export const MAX_LINE_BYTES = 64 * 1024;

export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private parts: string[] = [];
  private keptBytes = 0;
  /** Bytes of the current line past the cut; counted, never stored. */
  private droppedBytes = 0;
  private endsWithCr = false;
  private ended = false;

  constructor(
    private readonly onLine: (text: string) => void,
    private readonly maxLineBytes = MAX_LINE_BYTES,
  ) {}

  write(chunk: Buffer): void {
    if (this.ended) return;
    this.consume(this.decoder.write(chunk));
  }

  /** Flushes a last line without a newline; later writes are ignored. */
  end(): void {
    if (this.ended) return;
    this.consume(this.decoder.end());
    this.ended = true;
    if (this.keptBytes > 0 || this.droppedBytes > 0) this.emit();
  }

  private consume(text: string): void {
    let start = 0;
    for (;;) {
      const newline = text.indexOf('\n', start);
      if (newline === -1) {
        this.append(start === 0 ? text : text.slice(start));
        return;
      }
      this.append(text.slice(start, newline));
      this.emit();
      start = newline + 1;
    }
  }

  private append(piece: string): void {
    if (piece.length === 0) return;
    this.endsWithCr = piece.endsWith('\r');
    const bytes = Buffer.byteLength(piece);
    if (this.droppedBytes > 0) {
      this.droppedBytes += bytes;
      return;
    }
    const room = this.maxLineBytes - this.keptBytes;
    if (bytes <= room) {
      this.parts.push(piece);
      this.keptBytes += bytes;
      return;
    }
    const head = prefixWithinBytes(piece, room);
    const headBytes = Buffer.byteLength(head);
    this.parts.push(head);
    this.keptBytes += headBytes;
    this.droppedBytes = bytes - headBytes;
  }

  private emit(): void {
    let text = this.parts.join('');
    let total = this.keptBytes + this.droppedBytes;
    if (this.endsWithCr) {
      total -= 1;
      // Past the cut the carriage return was counted, not kept.
      if (this.droppedBytes === 0) text = text.slice(0, -1);
    }
    if (total > this.maxLineBytes) text += ` … [line truncated: ${total} bytes]`;
    this.parts = [];
    this.keptBytes = 0;
    this.droppedBytes = 0;
    this.endsWithCr = false;
    this.onLine(text);
  }
}

/** The longest prefix of text that fits in maxBytes of UTF-8 without splitting a character. */
function prefixWithinBytes(text: string, maxBytes: number): string {
  if (maxBytes <= 0) return '';
  const encoded = Buffer.from(text, 'utf8');
  let cut = maxBytes;
  // Back off continuation bytes (10xxxxxx) so the cut lands on a character boundary.
  while (cut > 0 && ((encoded[cut] ?? 0) & 0xc0) === 0x80) cut -= 1;
  return encoded.subarray(0, cut).toString('utf8');
}
