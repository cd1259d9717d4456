import { describe, expect, it } from 'vitest';
import { LineSplitter, MAX_LINE_BYTES } from './line-splitter.js';

function collect(maxLineBytes?: number): { lines: string[]; splitter: LineSplitter } {
  const lines: string[] = [];
  return { lines, splitter: new LineSplitter((text) => lines.push(text), maxLineBytes) };
}

describe('LineSplitter', () => {
  it('splits on \\n and \\r\\n, also when the pair is split across chunks', () => {
    const { lines, splitter } = collect();

    splitter.write(Buffer.from('one\ntwo\r\nthree\r'));
    splitter.write(Buffer.from('\nfour\n'));

    expect(lines).toEqual(['one', 'two', 'three', 'four']);
  });

  it('keeps empty lines and a carriage return inside a line', () => {
    const { lines, splitter } = collect();

    splitter.write(Buffer.from('\n\na\rb\n'));

    expect(lines).toEqual(['', '', 'a\rb']);
  });

  it('decodes a multi-byte character split across two chunks whole', () => {
    const { lines, splitter } = collect();
    const bytes = Buffer.from('prix: 5 €, 🙂\n', 'utf8');
    const euro = bytes.indexOf(0xe2);

    splitter.write(bytes.subarray(0, euro + 1));
    splitter.write(bytes.subarray(euro + 1, euro + 2));
    splitter.write(bytes.subarray(euro + 2, bytes.length - 3));
    splitter.write(bytes.subarray(bytes.length - 3));

    expect(lines).toEqual(['prix: 5 €, 🙂']);
  });

  it('keeps a last line without newline until the end', () => {
    const { lines, splitter } = collect();

    splitter.write(Buffer.from('done\npartial'));
    expect(lines).toEqual(['done']);
    splitter.end();
    splitter.write(Buffer.from('ignored\n'));

    expect(lines).toEqual(['done', 'partial']);
  });

  it('emits nothing at the end when the last line was complete', () => {
    const { lines, splitter } = collect();

    splitter.write(Buffer.from('a\n'));
    splitter.end();

    expect(lines).toEqual(['a']);
  });

  it('cuts a line past the limit with a marker naming its length, then goes on', () => {
    const { lines, splitter } = collect();
    const long = 'x'.repeat(70_000);

    // Arrives in pipe-sized pieces, as it would from a child process.
    const bytes = Buffer.from(`${long}\nnext\n`);
    for (let at = 0; at < bytes.length; at += 8192) splitter.write(bytes.subarray(at, at + 8192));

    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(`${'x'.repeat(MAX_LINE_BYTES)} … [line truncated: 70000 bytes]`);
    expect(lines[1]).toBe('next');
  });

  it('cuts on a character boundary and counts bytes, not characters', () => {
    const { lines, splitter } = collect(10);

    splitter.write(Buffer.from('ééééééé\n', 'utf8')); // 7 characters, 14 bytes

    expect(lines).toEqual(['ééééé … [line truncated: 14 bytes]']);
  });

  it('does not count the \\r of a \\r\\n ending against the limit', () => {
    const { lines, splitter } = collect(4);

    splitter.write(Buffer.from('abcd\r\nabcde\r\n'));

    expect(lines).toEqual(['abcd', 'abcd … [line truncated: 5 bytes]']);
  });

  it('flushes a cut last line at the end', () => {
    const { lines, splitter } = collect(3);

    splitter.write(Buffer.from('abcdef'));
    splitter.end();

    expect(lines).toEqual(['abc … [line truncated: 6 bytes]']);
  });
});
