// The parsed model of one text document: parsed once per version, read by every feature.
//
// YAML is read the way Kubernetes reads it (sigs.k8s.io/yaml on go-yaml: YAML 1.1 scalars, so
// `yes` is a boolean and `0640` is octal), every document in the stream is kept with exact
// source ranges, and the Kubernetes objects in it are listed: top-level documents and the
// items of `kind: List` documents. Helm templates are masked first (helmTemplates.ts).
import {
  Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Node as YamlNode,
  Pair,
  Scalar,
  YAMLMap,
  YAMLParseError,
  YAMLSeq,
} from 'yaml';
import { FieldPath } from './fieldPath';
import { maskTemplates, overlapsTemplate, TemplateSpan } from './helmTemplates';
import { LineIndex, Position } from './lineIndex';
import { prepareText } from './encoding';
import { nestingProblemSteps } from './nesting';
import { runSteps, STEP_NODES, Steps } from './steps';
import { parseGuardedSteps } from './yamlReader';
import { moveRanges, reparseInside } from './incremental';

/** Larger documents are not parsed: the editor stays responsive and says why. */
export const MAX_DOCUMENT_CHARS = 4 * 1024 * 1024;
/** Aliases resolved per object before it counts as an alias bomb (the yaml package's own guard). */
export const MAX_ALIAS_COUNT = 100;

export interface ParseProblem {
  start: number;
  end: number;
  /** The `yaml` package's error code, or one of READER_PROBLEM_CODES. */
  code: string;
  message: string;
  /** MORE_ERRORS: how many errors of the document are not listed. */
  more?: number;
}

/** Syntax errors listed per YAML document; the rest are counted in one last problem. */
export const MAX_SYNTAX_ERRORS_PER_DOCUMENT = 100;

/**
 * Problems found by our own reader rather than the YAML parser, with the diagnostic code each
 * is reported under (everything else is `yamlSyntax`). They are reported in Helm templates too.
 */
export const READER_PROBLEM_CODES: Readonly<Record<string, { code: string; severity: 'error' | 'warning' | 'info' }>> =
  {
    NESTING_TOO_DEEP: { code: 'yamlTooDeep', severity: 'error' },
    INVALID_UTF8: { code: 'yamlEncoding', severity: 'error' },
    REPLACEMENT_CHAR: { code: 'yamlEncoding', severity: 'warning' },
    BOM_IN_DOCUMENT: { code: 'yamlEncoding', severity: 'info' },
    LONE_CR: { code: 'yamlLineBreaks', severity: 'warning' },
  };

export interface ManifestObject {
  /** The YAML document the object lives in. */
  document: Document.Parsed;
  docIndex: number;
  /** The object's own mapping node. */
  node: YAMLMap;
  /** [] for a top-level document, ['items', i] for an item of a `kind: List`. */
  basePath: FieldPath;
  apiVersion?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  /** True when a Helm/Go-template expression lies inside the object. */
  templated: boolean;
  /** The object as plain data (YAML 1.1 values), or undefined when it cannot be built. */
  readonly value: unknown;
  /** Why `value` is undefined (e.g. an alias bomb). */
  readonly valueError?: string;
}

/**
 * The text between two document markers (`---` at a line start), parsed on its own. Chunks whose
 * text did not change are reused from the previous version of the model (their ranges shifted),
 * so an edit re-parses one document, not the whole stream.
 */
export interface ModelChunk {
  /** Current offset of the chunk in the text (changes when text before it grows or shrinks). */
  start: number;
  /** The masked text of the chunk. */
  readonly text: string;
  readonly documents: Document.Parsed[];
  readonly objects: ManifestObject[];
  /** YAML syntax errors, absolute offsets. */
  readonly problems: ParseProblem[];
}

export interface DocumentModel {
  readonly version: number;
  /** The user's text (unmasked). */
  readonly text: string;
  readonly lines: LineIndex;
  readonly documents: Document.Parsed[];
  /** Every Kubernetes object: top-level mappings and List items, in text order. */
  readonly objects: ManifestObject[];
  readonly daemonSets: ManifestObject[];
  readonly templates: TemplateSpan[];
  /** YAML syntax errors, with offsets into the text. */
  readonly problems: ParseProblem[];
  /** The per-document chunks the arrays above are made of. */
  readonly chunks: ModelChunk[];
  /** Set when the text was not parsed at all (too large, binary). */
  readonly skipped?: string;
}

export interface ModelOptions {
  /** Longer text is not parsed (default MAX_DOCUMENT_CHARS, the editor's limit). */
  maxChars?: number;
  /** The file's bytes were not valid UTF-8 (encoding.ts decodeUtf8): where, in the text. */
  invalidUtf8?: { at: number; byte: number };
}

export function parseDocumentModel(
  text: string,
  version = 0,
  previous?: DocumentModel,
  options: ModelOptions = {},
): DocumentModel {
  return runSteps(parseDocumentModelSteps(text, version, previous, options));
}

/**
 * parseDocumentModel in steps: the generator pauses after each YAML document (chunk) it parses
 * and inside one (every few thousand tokens or List items, steps.ts), so a caller can let other
 * requests run in between (session/modelCache.ts getAsync).
 */
export function* parseDocumentModelSteps(
  text: string,
  version = 0,
  previous?: DocumentModel,
  options: ModelOptions = {},
): Generator<void, DocumentModel, void> {
  const lines = new LineIndex(text);
  const empty = {
    version,
    text,
    lines,
    documents: [],
    objects: [],
    daemonSets: [],
    templates: [],
    problems: [],
    chunks: [],
  };
  const maxChars = options.maxChars ?? MAX_DOCUMENT_CHARS;
  if (text.length > maxChars) {
    return {
      ...empty,
      skipped: `File not checked: ${(text.length / 1048576).toFixed(1)} MB is over the ${(maxChars / 1048576).toFixed(0)} MB limit for DaemonSet checks.`,
    };
  }
  if (looksBinary(text)) {
    return { ...empty, skipped: 'File not checked: it looks like binary data, not YAML.' };
  }
  const masked = maskTemplates(text);
  // Same-length rewrites (lone CR, a BOM after a marker) and what the text itself says.
  const prepared = prepareText(masked.text);
  const notices: ParseProblem[] = prepared.notices
    .filter((n) => !(options.invalidUtf8 && n.code === 'REPLACEMENT_CHAR'))
    .map((n) => ({ start: n.start, end: n.end, code: n.code, message: n.message }));
  if (options.invalidUtf8) {
    const { at, byte } = options.invalidUtf8;
    const hex = byte.toString(16).toUpperCase().padStart(2, '0');
    notices.unshift({
      start: at,
      end: at + 1,
      code: 'INVALID_UTF8',
      message: `The file is not valid UTF-8 (byte 0x${hex} here): kubectl refuses it ("invalid leading UTF-8 octet"); save it as UTF-8`,
    });
  }
  // Reuse the previous version's chunks by their text; each one is used at most once.
  const reusable = new Map<string, ModelChunk[]>();
  for (const c of previous?.chunks ?? []) {
    const list = reusable.get(c.text);
    if (list) list.push(c);
    else reusable.set(c.text, [c]);
  }
  const chunks: ModelChunk[] = [];
  let docIndex = 0;
  try {
    const bounds = chunkBounds(prepared.text);
    // The chunk at the same place in the previous version, when the file has as many chunks: an
    // edit inside one large YAML document re-parses only the mapping around it (incremental.ts).
    const sameShape =
      previous && previous.chunks.length === bounds.length && masked.spans.length === 0 ? previous.chunks : undefined;
    for (const [k, [start, end]] of bounds.entries()) {
      const chunkText = prepared.text.slice(start, end);
      const old = reusable.get(chunkText)?.shift();
      // A new chunk is parsed in steps (steps.ts): one huge YAML document pauses inside too.
      const chunk = old
        ? shiftChunk(old, start - old.start)
        : (sameShape && reparseChunk(sameShape[k]!, reusable, chunkText, start)) ||
          (yield* parseChunk(chunkText, start, masked.spans));
      const docIndexes = new Map(chunk.documents.map((d, i) => [d, i]));
      for (const o of chunk.objects)
        (o as { docIndex: number }).docIndex = docIndex + (docIndexes.get(o.document) ?? -1);
      docIndex += chunk.documents.length;
      chunks.push(chunk);
      if (!old) yield;
    }
  } catch (e) {
    return { ...empty, skipped: `File not checked: the YAML parser failed (${(e as Error).message}).` };
  }
  const objects = chunks.flatMap((c) => c.objects);
  return {
    version,
    text,
    lines,
    documents: chunks.flatMap((c) => c.documents),
    objects,
    daemonSets: objects.filter((o) => o.kind === 'DaemonSet'),
    templates: masked.spans,
    problems: notices.length ? [...notices, ...chunks.flatMap((c) => c.problems)] : chunks.flatMap((c) => c.problems),
    chunks,
  };
}

// A document marker is `---` at a line start followed by a blank or the end; it always starts a
// new document, even inside a block scalar, so splitting there never changes what YAML means.
const DOCUMENT_MARKER = /^---(?=[ \t\r\n]|$)/gm;

function chunkBounds(text: string): Array<[number, number]> {
  // Directives (%YAML, %TAG) belong to the document after them: keep such streams whole.
  if (/^%/m.test(text)) return [[0, text.length]];
  const bounds: Array<[number, number]> = [];
  let start = 0;
  for (const m of text.matchAll(DOCUMENT_MARKER)) {
    if (m.index! === 0) continue;
    bounds.push([start, m.index!]);
    start = m.index!;
  }
  bounds.push([start, text.length]);
  return bounds;
}

function* parseChunk(chunkText: string, start: number, spans: TemplateSpan[]): Steps<ModelChunk> {
  // Never hand the parser more nesting than it survives (nesting.ts): the chunk is not parsed.
  const tabs: number[] = [];
  const deep = yield* nestingProblemSteps(chunkText, undefined, tabs);
  if (deep) {
    const chunk: ModelChunk = { start: 0, text: chunkText, documents: [], objects: [], problems: [] };
    const lineEnd = chunkText.indexOf('\n', deep.offset);
    const end = Math.min(lineEnd < 0 ? chunkText.length : lineEnd, deep.offset + 200);
    chunk.problems.push({
      start: deep.offset,
      end: Math.max(end, deep.offset + 1),
      code: 'NESTING_TOO_DEEP',
      message: deep.message,
    });
    return shiftChunk(chunk, start);
  }
  const documents = yield* parseGuardedSteps(chunkText, { version: '1.1' });
  // Tabs the `yaml` package lets pass and libyaml refuses (nesting.ts): errors of their document.
  for (const t of tabs) {
    const doc = documents.find((d) => t >= d.range[0] && t <= d.range[2]) ?? documents[documents.length - 1];
    doc?.errors.push(
      new YAMLParseError(
        [t, t + 1],
        'TAB_AS_INDENT',
        'Tabs are not allowed after a block "-" or "?" indicator (kubectl: found character that cannot start any token)',
      ),
    );
  }
  const chunk: ModelChunk = { start: 0, text: chunkText, documents, objects: [], problems: [] };
  shiftChunk(chunk, start);
  for (const [i, doc] of documents.entries()) {
    // In source order (the duplicate-key pass appends its errors), the first
    // MAX_SYNTAX_ERRORS_PER_DOCUMENT of them, then one problem that counts the rest.
    const errors =
      doc.errors.length > 1 ? [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0] || a.pos[1] - b.pos[1]) : doc.errors;
    // At least one character wide, but never past the chunk (an error at the very end of the
    // text covers its last character). The positions are already shifted to the whole text.
    const limit = chunk.start + chunkText.length;
    const clamp = (pos: [number, number]): [number, number] => {
      const end = Math.min(Math.max(pos[1], pos[0] + 1), limit);
      return [Math.max(chunk.start, Math.min(pos[0], end - 1)), end];
    };
    for (const err of errors.slice(0, MAX_SYNTAX_ERRORS_PER_DOCUMENT)) {
      const [start, end] = clamp(err.pos);
      chunk.problems.push({ start, end, code: err.code, message: firstLine(err.message) });
    }
    const more = errors.length - MAX_SYNTAX_ERRORS_PER_DOCUMENT;
    if (more > 0) {
      const [start, end] = clamp(errors[MAX_SYNTAX_ERRORS_PER_DOCUMENT]!.pos);
      const message = `… and ${more.toLocaleString('en')} more YAML syntax error${more === 1 ? '' : 's'} in this document`;
      chunk.problems.push({ start, end, code: 'MORE_ERRORS', message, more });
      // Keep what the rest of the model reads (errors.length > 0, errors[0]); drop the rest.
      doc.errors.length = 0;
      doc.errors.push(...errors.slice(0, MAX_SYNTAX_ERRORS_PER_DOCUMENT));
    }
    yield* listObjects(chunk, doc, i, spans);
  }
  return chunk;
}

/** The Kubernetes objects of one YAML document: its root mapping, or the items of a List. */
function* listObjects(chunk: ModelChunk, doc: Document.Parsed, i: number, spans: TemplateSpan[]): Steps<void> {
  const root = doc.contents;
  if (!isMap(root)) return;
  const kind = scalarString(root.get('kind', true));
  const items = root.get('items', true);
  if (kind !== undefined && /List$/.test(kind) && isSeq(items)) {
    for (const [j, item] of items.items.entries()) {
      if (isMap(item)) chunk.objects.push(makeObject(doc, i, item, ['items', j], spans));
      // A pause every STEP_NODES items (steps.ts).
      if (j % STEP_NODES === STEP_NODES - 1) yield;
    }
    return;
  }
  chunk.objects.push(makeObject(doc, i, root, [], spans));
}

/**
 * The previous version's chunk at the same place, updated to `chunkText` by re-parsing only the
 * mapping around the change (incremental.ts); undefined when that does not apply. The old chunk
 * is taken out of `reusable`: its document now belongs to the new chunk.
 */
function reparseChunk(
  old: ModelChunk,
  reusable: Map<string, ModelChunk[]>,
  chunkText: string,
  start: number,
): ModelChunk | undefined {
  if (old.documents.length !== 1 || old.problems.length > 0) return undefined;
  const pool = reusable.get(old.text);
  const at = pool?.indexOf(old) ?? -1;
  if (at < 0) return undefined;
  const doc = reparseInside(old.documents[0]!, old.text, old.start, chunkText, start);
  if (!doc) return undefined;
  pool!.splice(at, 1);
  const chunk: ModelChunk = { start, text: chunkText, documents: [doc], objects: [], problems: [] };
  runSteps(listObjects(chunk, doc, 0, []));
  return chunk;
}

/** Moves every range in a chunk by `delta` (the text before it grew or shrank). */
function shiftChunk(chunk: ModelChunk, delta: number): ModelChunk {
  if (delta === 0) return chunk;
  const move = (r: [number, number, number]): [number, number, number] => [r[0] + delta, r[1] + delta, r[2] + delta];
  for (const doc of chunk.documents) {
    doc.range = move(doc.range);
    // Null keys and values of an unfinished pair (`{[` at the end) are passed over.
    moveRanges(doc.contents, (x) => x + delta);
    for (const err of doc.errors) err.pos = [err.pos[0] + delta, err.pos[1] + delta];
  }
  for (const p of chunk.problems) {
    p.start += delta;
    p.end += delta;
  }
  chunk.start += delta;
  return chunk;
}

function makeObject(
  doc: Document.Parsed,
  docIndex: number,
  node: YAMLMap,
  basePath: FieldPath,
  spans: TemplateSpan[],
): ManifestObject {
  const meta = node.get('metadata', true);
  const range = node.range ?? [0, 0, 0];
  let cached: { value: unknown; error?: string } | undefined;
  const build = () => {
    if (!cached) {
      try {
        cached = { value: node.toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT }) };
      } catch (e) {
        cached = { value: undefined, error: (e as Error).message };
      }
    }
    return cached;
  };
  return {
    document: doc,
    docIndex,
    node,
    basePath,
    apiVersion: scalarString(node.get('apiVersion', true)),
    kind: scalarString(node.get('kind', true)),
    name: isMap(meta) ? scalarString(meta.get('name', true)) : undefined,
    namespace: isMap(meta) ? scalarString(meta.get('namespace', true)) : undefined,
    templated: overlapsTemplate(spans, range[0], range[2]),
    get value() {
      return build().value;
    },
    get valueError() {
      return build().error;
    },
  };
}

// --- navigation -------------------------------------------------------------------------

export type ValueNode = YamlNode | null;

/** The value node at `path` inside an object, following aliases; undefined when absent. */
export function nodeAtPath(obj: ManifestObject, path: FieldPath): ValueNode | undefined {
  let cur: unknown = obj.node;
  for (const seg of path) {
    cur = deref(obj.document, cur);
    if (typeof seg === 'number') {
      if (!isSeq(cur)) return undefined;
      cur = (cur as YAMLSeq).items[seg];
      if (cur === undefined) return undefined;
    } else {
      if (!isMap(cur)) return undefined;
      const pair = findPair(cur as YAMLMap, seg);
      if (!pair) return undefined;
      cur = pair.value;
    }
  }
  return (deref(obj.document, cur) as YamlNode | null) ?? null;
}

/** The pair for `path`'s last key (undefined for array indices or when absent). */
export function pairAtPath(obj: ManifestObject, path: FieldPath): Pair | undefined {
  if (path.length === 0) return undefined;
  const last = path[path.length - 1];
  if (typeof last === 'number') return undefined;
  const parent = deref(obj.document, nodeAtPath(obj, path.slice(0, -1)));
  if (!isMap(parent)) return undefined;
  return findPair(parent as YAMLMap, last);
}

export type RangePart = 'key' | 'value' | 'pair';

/**
 * Source offsets [start, end) for a field path: the key, the value or the whole pair. When the
 * path does not exist, the range of its nearest existing ancestor's key (so a "missing field"
 * lands on the parent, as a user expects), and the object's `kind` line at the top.
 */
export function rangeOfPath(obj: ManifestObject, path: FieldPath, part: RangePart = 'key'): [number, number] {
  for (let n = path.length; n > 0; n--) {
    const sub = path.slice(0, n);
    const last = sub[sub.length - 1];
    if (typeof last === 'number') {
      const node = nodeAtPath(obj, sub);
      if (node && node.range) return [node.range[0], node.range[1]];
      continue;
    }
    const pair = pairAtPath(obj, sub);
    if (!pair) continue;
    const key = pair.key as YamlNode | null;
    const value = pair.value as YamlNode | null;
    if (part === 'pair' && n === path.length && key?.range) {
      return [key.range[0], value?.range ? value.range[1] : key.range[1]];
    }
    const useKey = n < path.length || part === 'key' || !value || !value.range;
    if (useKey && key && key.range) return [key.range[0], key.range[1]];
    if (value && value.range) return [value.range[0], value.range[1]];
  }
  const kindPair = findPair(obj.node, 'kind');
  const key = kindPair?.key as YamlNode | undefined;
  if (key?.range) return [key.range[0], key.range[1]];
  const r = obj.node.range ?? [0, 0, 0];
  return [r[0], Math.min(r[1], r[0] + 1)];
}

export interface Location {
  /** The object under the offset (a top-level document or a List item). */
  object: ManifestObject;
  /** The field path relative to the object, as deep as the offset reaches. */
  path: FieldPath;
  /** The node under the offset: a key scalar, a value node, or null. */
  node: ValueNode;
  /** True when the offset is on a mapping key. */
  onKey: boolean;
  /** The pair whose key or value holds the offset, when there is one. */
  pair?: Pair;
}

/** What is under `offset`: the object, the field path and whether it is a key or a value. */
export function locate(model: DocumentModel, offset: number): Location | undefined {
  const object = objectAt(model, offset);
  if (!object) return undefined;
  const path: (string | number)[] = [];
  let cur: unknown = object.node;
  let onKey = false;
  let lastPair: Pair | undefined;
  let node: ValueNode = object.node;
  for (;;) {
    cur = deref(object.document, cur);
    if (isMap(cur)) {
      const pair = (cur as YAMLMap).items.find((p) => pairContains(p, offset));
      if (!pair) break;
      const key = pair.key as YamlNode | null;
      const keyName = isScalar(key) ? String(key.value) : undefined;
      if (keyName === undefined) break;
      lastPair = pair;
      path.push(keyName);
      if (key && key.range && offset >= key.range[0] && offset <= key.range[1]) {
        onKey = true;
        node = key;
        break;
      }
      node = (pair.value as YamlNode | null) ?? null;
      if (!pair.value) break;
      cur = pair.value;
      continue;
    }
    if (isSeq(cur)) {
      const items = (cur as YAMLSeq).items;
      const i = items.findIndex((it) => {
        const r = (it as YamlNode | null)?.range;
        return !!r && offset >= r[0] && offset <= r[2];
      });
      if (i < 0) break;
      path.push(i);
      node = items[i] as YamlNode;
      lastPair = undefined;
      cur = items[i];
      continue;
    }
    break;
  }
  return { object, path, node, onKey, pair: lastPair };
}

/** The object whose source range holds `offset` (List items take precedence over the List). */
export function objectAt(model: DocumentModel, offset: number): ManifestObject | undefined {
  let best: ManifestObject | undefined;
  for (const o of model.objects) {
    const r = o.node.range;
    if (!r) continue;
    const docRange = o.basePath.length === 0 ? o.document.range : r;
    const start = o.basePath.length === 0 ? docRange[0] : r[0];
    const end = o.basePath.length === 0 ? docRange[2] : r[2];
    if (offset >= start && offset <= end) {
      if (!best || o.basePath.length > best.basePath.length) best = o;
    }
  }
  return best;
}

/** The YAML document whose range holds `offset`. */
export function documentAt(model: DocumentModel, offset: number): Document.Parsed | undefined {
  return model.documents.find((d) => offset >= d.range[0] && offset <= d.range[2]);
}

export function toPosition(model: DocumentModel, offset: number): Position {
  return model.lines.positionAt(offset);
}

export function toRange(model: DocumentModel, start: number, end: number): { start: Position; end: Position } {
  return { start: model.lines.positionAt(start), end: model.lines.positionAt(end) };
}

export function overlapsTemplates(model: DocumentModel, start: number, end: number): boolean {
  return overlapsTemplate(model.templates, start, end);
}

/** The source text of a scalar (what the user typed, before YAML 1.1 resolution). */
export function scalarSource(model: DocumentModel, node: ValueNode | undefined): string | undefined {
  if (!node || !isScalar(node) || !node.range) return undefined;
  return model.text.slice(node.range[0], node.range[1]);
}

// --- helpers ----------------------------------------------------------------------------

function pairContains(p: Pair, offset: number): boolean {
  const key = p.key as YamlNode | null;
  const value = p.value as YamlNode | null;
  const start = key?.range?.[0] ?? value?.range?.[0];
  const end = value?.range?.[2] ?? key?.range?.[2];
  return start !== undefined && end !== undefined && offset >= start && offset <= end;
}

export function findPair(map: YAMLMap, key: string): Pair | undefined {
  if (map.items.length > SMALL_MAP) return keyIndexOf(map).get(key);
  for (const item of map.items) {
    if (!isPair(item)) continue;
    const k = item.key;
    if (isScalar(k) && String(k.value) === key) return item as Pair;
  }
  return undefined;
}

/** Maps up to this size are searched; larger ones get a key index (built once per map). */
const SMALL_MAP = 16;
const keyIndexes = new WeakMap<YAMLMap, { size: number; index: Map<string, Pair> }>();

/**
 * key -> first pair with that key, for one mapping. Locating 20,000 findings in a 20,000-key
 * mapping would otherwise scan the mapping once per finding (quadratic).
 */
function keyIndexOf(map: YAMLMap): Map<string, Pair> {
  const cached = keyIndexes.get(map);
  if (cached && cached.size === map.items.length) return cached.index;
  const index = new Map<string, Pair>();
  for (const item of map.items) {
    if (!isPair(item)) continue;
    const k = item.key;
    if (!isScalar(k)) continue;
    const name = String(k.value);
    if (!index.has(name)) index.set(name, item as Pair);
  }
  keyIndexes.set(map, { size: map.items.length, index });
  return index;
}

function deref(doc: Document.Parsed, node: unknown): unknown {
  let cur = node;
  for (let i = 0; i < 16 && isAlias(cur); i++) cur = cur.resolve(doc);
  return cur;
}

function scalarString(node: unknown): string | undefined {
  return isScalar(node) && node.value !== null && node.value !== undefined ? String((node as Scalar).value) : undefined;
}

function firstLine(s: string): string {
  return s.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 65536);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    // U+FFFD is not counted: it is what an editor shows for bytes that are not UTF-8, and
    // gets its own message (encoding.ts).
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) bad++;
  }
  return n > 0 && bad / n > 0.01;
}
