// Maps field paths to the YAML nodes they were written in, and text offsets back to paths, so
// every problem can name its line and column.
import { isAlias, isMap, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';

export type PathSegment = string | number;

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** `workers[1].restart.max_retries`; keys that are not plain names are quoted in brackets. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

export interface NodeMatch {
  /** How many leading segments of the path exist in the document. */
  depth: number;
  /** The value node of the deepest segment found; null for an empty value. */
  node: YamlNode | null;
  /** The key of that value when it sits in a map. */
  key: YamlNode | null;
}

interface Child {
  key: YamlNode | null;
  value: YamlNode | null;
}

function isMergeKey(key: unknown): boolean {
  if (!isScalar(key)) return false;
  const value = key.value;
  return value === '<<' || (typeof value === 'symbol' && value.description === '<<');
}

function keyName(key: unknown): string | null {
  if (!isScalar(key)) return null;
  const value = key.value;
  return typeof value === 'symbol' ? null : String(value);
}

function deref(doc: Document, node: unknown): YamlNode | null {
  if (isAlias(node)) return (node.resolve(doc) as YamlNode | undefined) ?? null;
  return (node as YamlNode | null | undefined) ?? null;
}

function childOf(doc: Document, parent: YamlNode | null, segment: PathSegment): Child | null {
  if (isSeq(parent) && typeof segment === 'number') {
    const item: unknown = parent.items[segment];
    return item === undefined ? null : { key: null, value: deref(doc, item) };
  }
  if (!isMap(parent)) return null;
  const name = String(segment);
  for (const pair of parent.items) {
    if (!isMergeKey(pair.key) && keyName(pair.key) === name) {
      return { key: pair.key as YamlNode, value: deref(doc, pair.value) };
    }
  }
  // Values brought in with `<<: *anchor` were written at the anchor: look there.
  for (const pair of parent.items) {
    if (!isMergeKey(pair.key)) continue;
    const source = deref(doc, pair.value);
    const sources = isSeq(source) ? source.items.map((item) => deref(doc, item)) : [source];
    for (const from of sources) {
      const found = childOf(doc, from, segment);
      if (found) return found;
    }
  }
  return null;
}

/** Follows a path through maps, lists, aliases and merge keys as far as it exists. */
export function findNode(doc: Document, path: readonly PathSegment[]): NodeMatch {
  let match: NodeMatch = { depth: 0, node: deref(doc, doc.contents), key: null };
  for (const segment of path) {
    const child = childOf(doc, match.node, segment);
    if (!child) break;
    match = { depth: match.depth + 1, node: child.value, key: child.key };
  }
  return match;
}

/** Text offset of a match: the key when asked for (unknown keys), otherwise the value. */
export function matchOffset(match: NodeMatch, target: 'key' | 'value'): number {
  const key = match.key?.range?.[0];
  const value = match.node?.range?.[0];
  if (target === 'key' && key !== undefined) return key;
  return value ?? key ?? 0;
}

function contains(node: unknown, offset: number): boolean {
  const range = (node as YamlNode | null)?.range;
  return range !== undefined && range !== null && range[0] <= offset && offset < range[2];
}

/** The path of the innermost key or value written at a text offset (aliases not followed). */
export function pathAtOffset(doc: Document, offset: number): PathSegment[] {
  const path: PathSegment[] = [];
  let node: unknown = doc.contents;
  for (;;) {
    let next: unknown = null;
    if (isMap(node)) {
      for (const pair of node.items) {
        const name = keyName(pair.key) ?? '<<';
        if (contains(pair.key, offset)) return [...path, name];
        if (contains(pair.value, offset)) {
          path.push(name);
          next = pair.value;
          break;
        }
      }
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => contains(item, offset));
      if (index >= 0) {
        path.push(index);
        next = node.items[index];
      }
    }
    if (next === null) return path;
    node = next;
  }
}

/** Offset of the first key named `name` in the map at `mapPath`, or null. */
export function firstKeyOffset(
  doc: Document,
  mapPath: readonly PathSegment[],
  name: string,
): number | null {
  const { node, depth } = findNode(doc, mapPath);
  if (depth !== mapPath.length || !isMap(node)) return null;
  const pair = node.items.find((item) => keyName(item.key) === name);
  return (pair?.key as YamlNode | undefined)?.range?.[0] ?? null;
}
