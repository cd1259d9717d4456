// Edits workers.yaml through the YAML library's Document, so comments, key order and the
// layout of everything the edit does not touch survive. Every edit starts from text and ends
// in text: the editor's state is a string, and the Document lives only for one edit.
import {
  isCollection,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type ParsedNode,
} from 'yaml';
import { rebaseLines } from './line-rebase.js';

export type PathSegment = string | number;
export type FieldPath = readonly PathSegment[];
export type ConfigDocument = Document.Parsed<ParsedNode, true>;
export type WorkerKind = 'process' | 'module';

// The loader resolves merge keys, so the editor reads the file the same way.
const PARSE_OPTIONS = { merge: true, prettyErrors: false } as const;
// Long values stay on one line: folding them would touch lines the operator never edited.
const PRINT_OPTIONS = { lineWidth: 0 } as const;

export function parseConfig(text: string): ConfigDocument {
  return parseDocument(text, PARSE_OPTIONS);
}

/** The file's data, or null when the text is not YAML the editor can work on. */
export function readData(doc: ConfigDocument): unknown {
  if (doc.errors.length > 0) return null;
  try {
    return doc.toJS() ?? {};
  } catch {
    return null;
  }
}

/** Applies an edit to the text; lines the edit leaves alone keep their exact bytes. */
export function editText(text: string, edit: (doc: ConfigDocument) => void): string {
  const doc = parseConfig(text);
  if (doc.errors.length > 0) throw new Error('the file has YAML syntax errors');
  const baseline = doc.toString(PRINT_OPTIONS);
  edit(doc);
  return rebaseLines(text, baseline, doc.toString(PRINT_OPTIONS));
}

function ensureRoot(doc: ConfigDocument): void {
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as unknown as ParsedNode;
}

/** Sets a value, replacing empty or scalar parents on the way with maps. */
export function setField(doc: ConfigDocument, path: FieldPath, value: unknown): void {
  if (value === undefined) {
    removeField(doc, path);
    return;
  }
  ensureRoot(doc);
  for (let depth = 1; depth < path.length; depth++) {
    const parent = doc.getIn(path.slice(0, depth), true);
    if (parent !== undefined && !isCollection(parent)) {
      doc.setIn(path.slice(0, depth), doc.createNode(typeof path[depth] === 'number' ? [] : {}));
    }
  }
  doc.setIn(path, value);
}

/**
 * Removes a value, then any map it leaves empty up to the worker (or top-level section), so
 * that clearing the last field of an optional section removes the section.
 */
export function removeField(doc: ConfigDocument, path: FieldPath): void {
  if (!doc.hasIn(path)) return;
  doc.deleteIn(path);
  const floor = path[0] === 'workers' ? 2 : 1;
  for (let depth = path.length - 1; depth >= floor; depth--) {
    const parent = doc.getIn(path.slice(0, depth), true);
    if (!isMap(parent) || parent.items.length > 0) break;
    doc.deleteIn(path.slice(0, depth));
  }
}

/** Appends to a list, creating it when missing. */
export function appendItem(doc: ConfigDocument, path: FieldPath, value: unknown): void {
  const list = doc.getIn(path, true);
  if (isSeq(list)) list.add(doc.createNode(value));
  else setField(doc, path, [value]);
}

/** Removes one item of a list; an emptied list is removed. */
export function removeItem(doc: ConfigDocument, path: FieldPath, index: number): void {
  removeField(doc, [...path, index]);
  const list = doc.getIn(path, true);
  if (isSeq(list) && list.items.length === 0) removeField(doc, path);
}

/** Renames a map key in place, keeping its value, comments and position. */
export function renameKey(doc: ConfigDocument, path: FieldPath, from: string, to: string): void {
  const map = doc.getIn(path, true);
  if (!isMap(map) || from === to) return;
  const pair = map.items.find((item) => keyText(item.key) === from);
  if (!pair) return;
  if (isScalar(pair.key)) pair.key.value = to;
  else pair.key = doc.createNode(to);
}

function keyText(key: unknown): string {
  return String(isScalar(key) ? key.value : key);
}

/** Replaces a whole value from data (a YAML text area); no change when the data is the same. */
export function setBlock(doc: ConfigDocument, path: FieldPath, value: unknown): void {
  const current: unknown = doc.getIn(path, true);
  const data: unknown =
    isCollection(current) || isScalar(current) ? (current.toJSON() as unknown) : current;
  if (JSON.stringify(data) === JSON.stringify(value)) return;
  if (value === undefined) removeField(doc, path);
  else setField(doc, path, doc.createNode(value));
}

/** The first id of the form `base-N` that no worker uses. */
export function freeId(taken: readonly string[], base: string): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

function workerIds(doc: ConfigDocument): string[] {
  const workers: unknown = doc.getIn(['workers']);
  if (!Array.isArray(workers)) return [];
  return workers.flatMap((worker: unknown) =>
    worker && typeof worker === 'object' && 'id' in worker ? [String(worker.id)] : [],
  );
}

function workersList(doc: ConfigDocument) {
  ensureRoot(doc);
  let list = doc.getIn(['workers'], true);
  if (!isSeq(list)) {
    doc.setIn(['workers'], doc.createNode([]));
    list = doc.getIn(['workers'], true);
  }
  if (!isSeq(list)) throw new Error('workers is not a list');
  // A new worker is a block map; inside a flow list it would print on one line.
  list.flow = false;
  return list;
}

/** A new worker of the kind, with the fields its type needs; returns its index. */
export function addWorker(
  doc: ConfigDocument,
  kind: WorkerKind,
  nativeModules: readonly string[],
): number {
  const id = freeId(workerIds(doc), kind === 'process' ? 'process' : 'module');
  const fields: Record<string, unknown> =
    kind === 'process'
      ? { id, type: 'process', executable_path: '' }
      : { id, type: 'module', module_type: 'native', module_name: nativeModules[0] ?? '' };
  const list = workersList(doc);
  list.add(doc.createNode(fields));
  return list.items.length - 1;
}

/** A copy of the worker right after it, under a free id; returns the copy's index. */
export function duplicateWorker(doc: ConfigDocument, index: number): number {
  const list = workersList(doc);
  const source = list.items[index];
  if (!isMap(source)) throw new Error(`no worker at ${index}`);
  const copy = source.clone();
  // The comment above a worker describes that worker, not its copy.
  copy.commentBefore = null;
  const id = source.get('id');
  copy.set('id', freeId(workerIds(doc), `${typeof id === 'string' ? id : 'worker'}-copy`));
  list.items.splice(index + 1, 0, copy);
  return index + 1;
}

export function removeWorker(doc: ConfigDocument, index: number): void {
  const list = doc.getIn(['workers'], true);
  if (!isSeq(list)) return;
  list.items.splice(index, 1);
  // The library keeps the comment above the first item on the list; it described that worker.
  if (index === 0) list.commentBefore = null;
}
