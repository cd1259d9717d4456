// Decides what text a save writes: the client's text when it carries comments of its own,
// else the client's data laid onto the current file so that the file's comments, anchors,
// key order and untouched lines survive a text regenerated from data.
import { isDeepStrictEqual } from 'node:util';
import { Lexer, parseDocument, type Document } from 'yaml';
import { mergeDocuments } from './document-merge.js';
import { rebaseLines } from './line-rebase.js';

// The loader resolves merge keys, so data is compared the same way here.
const PARSE_OPTIONS = { merge: true, prettyErrors: false } as const;

/** True when the YAML text holds at least one comment. */
export function hasComments(text: string): boolean {
  for (const token of new Lexer().lex(text)) if (token.startsWith('#')) return true;
  return false;
}

/**
 * The text to write when `nextText` replaces `currentText`; its data always equals the data
 * of `nextText`. A text without a single comment is taken as regenerated from data, and
 * gets the current file's comments and layout back.
 */
export function mergeYamlText(currentText: string, nextText: string): string {
  // A text with comments, or an empty one, is what its sender means to have on disk.
  if (hasComments(nextText) || nextText.trim() === '') return nextText;
  const next = parseDocument(nextText, PARSE_OPTIONS);
  const target = dataOf(next);
  if (target === undefined) return nextText;

  const crlf = currentText.includes('\r\n');
  const original = crlf ? currentText.replaceAll('\r\n', '\n') : currentText;
  const current = parseDocument(original, PARSE_OPTIONS);
  if (current.errors.length > 0) return nextText;
  try {
    const baseline = current.toString();
    mergeDocuments(current, next);
    const edited = current.toString();
    const rebased = rebaseLines(original, baseline, edited);
    for (const candidate of [rebased, edited]) {
      if (isDeepStrictEqual(dataOf(parseDocument(candidate, PARSE_OPTIONS)), target)) {
        return crlf ? candidate.replaceAll('\n', '\r\n') : candidate;
      }
    }
  } catch {
    // Whatever the merge cannot map is written as the client sent it.
  }
  return nextText;
}

/** The document's data, or undefined when it does not parse cleanly. */
function dataOf(doc: Document): unknown {
  if (doc.errors.length > 0) return undefined;
  try {
    return doc.toJS() ?? null;
  } catch {
    return undefined;
  }
}
