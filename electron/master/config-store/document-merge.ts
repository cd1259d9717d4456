// Applies the data of one YAML document onto another node by node, so that everything the
// current document holds beyond data (comments, anchors, styles, key order) survives wherever
// the data did not change.
import { isDeepStrictEqual } from 'node:util';
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { commonSubsequence } from './common-subsequence.js';

/** Thrown when a document holds something the merge cannot map, such as a complex key. */
export class UnmergeableError extends Error {}

type MapKey = string | number | boolean | bigint | null;

interface Side {
  doc: Document;
  node: unknown;
}

/** Rewrites `current` in place so that its data equals the data of `next`. */
export function mergeDocuments(current: Document, next: Document): void {
  current.contents = mergeNode(
    { doc: current, node: current.contents },
    {
      doc: next,
      node: next.contents,
    },
  ) as Document['contents'];
}

function toData(side: Side): unknown {
  const { doc, node } = side;
  if (isAlias(node)) return node.resolve(doc)?.toJS(doc);
  return isScalar(node) || isMap(node) || isSeq(node) ? node.toJS(doc) : node;
}

function mergeNode(current: Side, next: Side): unknown {
  if (isDeepStrictEqual(toData(current), toData(next))) return current.node;
  const { node } = current;
  // An alias whose target now differs cannot be edited without changing every other use.
  if (isAlias(node)) return fresh(current, next);
  if (isMap(node) && isMap(next.node)) return mergeMap(current.doc, node, next.doc, next.node);
  if (isSeq(node) && isSeq(next.node)) return mergeSeq(current.doc, node, next.doc, next.node);
  if (isScalar(node) && isScalar(next.node)) {
    const value: unknown = next.node.value;
    if (typeof value === typeof node.value && !isAlias(next.node)) {
      // Same kind of value: keep the node itself, with its comment, anchor and quoting.
      node.value = value;
      delete node.source;
      return node;
    }
  }
  return fresh(current, next);
}

/** A new node for the next data, carrying the comments that sat on the node it replaces. */
function fresh(current: Side, next: Side): Node {
  const created = current.doc.createNode(toData(next));
  const old = current.node;
  if (isScalar(old) || isMap(old) || isSeq(old) || isAlias(old)) {
    created.comment = old.comment;
    created.commentBefore = old.commentBefore;
    created.spaceBefore = old.spaceBefore;
  }
  if (isMap(next.node) || isSeq(next.node)) {
    if (isMap(created) || isSeq(created)) created.flow = next.node.flow;
  }
  return created;
}

function pairKey(pair: Pair): MapKey | symbol {
  const key = pair.key;
  const value: unknown = isScalar(key) ? key.value : key;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'bigint':
    case 'symbol':
      return value;
    default:
      if (value === null) return null;
      throw new UnmergeableError('complex mapping keys are not merged');
  }
}

function mergeMap(doc: Document, map: YAMLMap, nextDoc: Document, nextMap: YAMLMap): YAMLMap {
  const nextPairs = new Map<MapKey | symbol, Pair>();
  for (const pair of nextMap.items) nextPairs.set(pairKey(pair), pair);
  const own = new Set<MapKey | symbol>();
  const merged = toData({ doc, node: map }) as Record<string, unknown>;
  const kept: Pair[] = [];
  for (const pair of map.items) {
    const key = pairKey(pair);
    own.add(key);
    // A merge key (<<) stays: what it brings in is checked against the result afterwards.
    if (typeof key === 'symbol') {
      kept.push(pair);
      continue;
    }
    const counterpart = nextPairs.get(key);
    if (!counterpart) continue;
    pair.value = mergeNode({ doc, node: pair.value }, { doc: nextDoc, node: counterpart.value });
    kept.push(pair);
  }
  for (const [key, pair] of nextPairs) {
    if (own.has(key) || typeof key === 'symbol') continue;
    const value = toData({ doc: nextDoc, node: pair.value });
    // Already supplied, equal, through a merge key.
    if (typeof key === 'string' && isDeepStrictEqual(merged[key], value)) continue;
    kept.push(
      doc.createPair(key, fresh({ doc, node: undefined }, { doc: nextDoc, node: pair.value })),
    );
  }
  map.items = kept;
  return map;
}

/** A list item's worker id, when it is a map with one. */
function itemId(doc: Document, item: unknown): string | null {
  if (!isMap(item)) return null;
  const id: unknown = item.get('id');
  if (typeof id === 'string') return id;
  return isScalar(id) && typeof id.value === 'string' ? id.value : null;
}

function mergeSeq(doc: Document, seq: YAMLSeq, nextDoc: Document, nextSeq: YAMLSeq): YAMLSeq {
  const partner = pairItems(doc, seq.items, nextDoc, nextSeq.items);
  // The library keeps the comment above a block list's first item on the list itself; it
  // belongs to that item, and goes where the item goes.
  const first: unknown = seq.items[0];
  if (
    !seq.flow &&
    seq.commentBefore &&
    partner[0] !== 0 &&
    (isMap(first) || isSeq(first) || isScalar(first))
  ) {
    first.commentBefore = [seq.commentBefore, first.commentBefore].filter(Boolean).join('\n');
    seq.commentBefore = null;
  }
  seq.items = nextSeq.items.map((item, j) => {
    const i = partner[j];
    const next = { doc: nextDoc, node: item };
    return i === undefined
      ? fresh({ doc, node: undefined }, next)
      : mergeNode({ doc, node: seq.items[i] }, next);
  });
  return seq;
}

/**
 * For each next item, the index of the current item it continues: the one with the same
 * worker id wherever it moved; else an equal item, or an edited one in the same gap.
 */
function pairItems(
  doc: Document,
  items: readonly unknown[],
  nextDoc: Document,
  nextItems: readonly unknown[],
): (number | undefined)[] {
  const partner = new Array<number | undefined>(nextItems.length).fill(undefined);
  const byId = new Map<string, number>();
  items.forEach((item, i) => {
    const id = itemId(doc, item);
    if (id !== null && !byId.has(id)) byId.set(id, i);
  });
  const used = new Set<number>();
  nextItems.forEach((item, j) => {
    const id = itemId(nextDoc, item);
    const i = id === null ? undefined : byId.get(id);
    if (i === undefined || used.has(i)) return;
    partner[j] = i;
    used.add(i);
  });

  const rest = items.map((_, i) => i).filter((i) => !used.has(i));
  const nextRest = nextItems.map((_, j) => j).filter((j) => partner[j] === undefined);
  const data = rest.map((i) => toData({ doc, node: items[i] }));
  const nextData = nextRest.map((j) => toData({ doc: nextDoc, node: nextItems[j] }));
  let a = 0;
  let b = 0;
  const pairGap = (aEnd: number, bEnd: number) => {
    for (; a < aEnd && b < bEnd; a++, b++) partner[nextRest[b] as number] = rest[a];
    a = aEnd;
    b = bEnd;
  };
  for (const [ma, mb] of commonSubsequence(data, nextData, isDeepStrictEqual)) {
    pairGap(ma, mb);
    partner[nextRest[mb] as number] = rest[ma];
    a = ma + 1;
    b = mb + 1;
  }
  pairGap(rest.length, nextRest.length);
  return partner;
}
