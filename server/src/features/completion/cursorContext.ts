// Where the cursor is, in schema terms, even while the YAML around it is half written.
//
// A blank indented line, a partially typed key or a bare `- ` is not a YAML node yet, so the
// parser alone cannot say which mapping the user is typing into. Like yaml-language-server we
// make it one: the word under the cursor is replaced by a placeholder key (or value) and only
// the cursor's YAML document is parsed again. The parser then decides, with YAML's own
// indentation rules (compact sequences, block scalars, comments), where the placeholder lives.
import { isMap, isScalar, isSeq, Node as YamlNode } from 'yaml';
import { elidedLines, withoutCuts } from './elision';
import {
  DocumentModel,
  documentAt,
  FieldPath,
  LineIndex,
  locate,
  ManifestObject,
  nodeAtPath,
  objectAt,
  overlapsTemplates,
  parseDocumentModel,
} from '../../model';

/** A plain scalar no manifest contains; it stands in for what the user is typing. */
export const PLACEHOLDER = 'dsStudioCaret7f3a';

export type CursorMode = 'key' | 'value';

export interface CursorContext {
  mode: CursorMode;
  /** The object the cursor is in, from the re-parsed document (placeholder included). */
  object: ManifestObject;
  /**
   * Key mode: the path of the mapping that receives the new key.
   * Value mode: the path of the value being typed (a field, or an array item).
   */
  path: FieldPath;
  /** Key mode: the keys the receiving mapping already has (the placeholder excluded). */
  present: ReadonlySet<string>;
  /** The original text's offsets the chosen item replaces: the word (key or value) under the cursor. */
  replaceStart: number;
  replaceEnd: number;
  /** Column where the key starts (after any `- `): nested lines indent relative to it. */
  keyColumn: number;
  /** Key mode on an existing `key: …`: only the key name is replaced. */
  hasColon: boolean;
  /** Value mode right after `key:` with no space yet. */
  needsSpace: boolean;
  /** Value mode inside a quoted scalar: insert raw text, the quotes are already there. */
  quoted: boolean;
  /** The document's line break, so inserted text keeps CRLF files CRLF. */
  eol: string;
  /** The document's indentation step. */
  indent: number;
  /** The cursor's YAML document holds nothing but the cursor line (and comments). */
  documentEmpty: boolean;
}

const MARKER = /^(---|\.\.\.)(\s|$)/;
// Indentation and `- ` item markers, then an optional partial key (no colon yet).
const KEY_LINE = /^([ ]*)((?:-[ ]+)*)([^\s:#'"{}[\],&*!|>%@`-][^\s:#]*)?$/;
// Indentation, item markers, a key, its colon, then the value typed so far.
const VALUE_LINE = /^([ ]*)((?:-[ ]+)*)([^\s:#'"{}[\],&*!|>%@`-][^:#]*?|"[^"]*"|'[^']*')[ ]*:([ ]*)(.*)$/;

/** The cursor context at `offset`, or undefined where completion has nothing to offer. */
export function cursorContext(
  model: DocumentModel,
  offset: number,
  options: { elide?: boolean } = {},
): CursorContext | undefined {
  const { text, lines } = model;
  if (overlapsTemplates(model, offset, offset)) return undefined;
  const pos = lines.positionAt(offset);
  const lineText = lines.lineText(pos.line);
  if (MARKER.test(lineText)) return undefined;
  const column = Math.min(pos.character, lineText.length);
  const before = lineText.slice(0, column);
  const after = lineText.slice(column);
  const lineStart = lines.lineStart(pos.line);

  const patch = patchLine(before, after);
  if (!patch) return undefined;

  const seg = documentSegment(lines, text, pos.line);
  // In a `kind: List`, only the item under the cursor is parsed again (a List of 20,000
  // DaemonSets is one YAML document: re-parsing it per keystroke cost seconds and gigabytes).
  // Elsewhere, only what the placeholder's place depends on is parsed again (elision.ts).
  const win = listItemWindow(model, offset, seg) ?? { start: seg.start, end: seg.end, prefix: '' };
  const lineEnd = lineStart + lineText.length;
  const listWindow = win.start !== seg.start || win.end !== seg.end || win.prefix !== '';
  const cuts =
    options.elide === false || listWindow
      ? []
      : elidedLines(model, seg.start, seg.end, pos.line, /^ */.exec(patch.line)![0].length, /^ *- /.test(patch.line));
  const head = win.prefix + withoutCuts(text, win.start, lineStart, cuts);
  const tail = withoutCuts(text, lineEnd, win.end, cuts);
  const patchedText = head + patch.line + tail;
  const phOffset = head.length + patch.placeholderAt;

  const patched = parseDocumentModel(patchedText);
  if (patched.skipped) return undefined;
  const object = objectAt(patched, phOffset);
  if (!object) return undefined;
  const loc = locate(patched, phOffset + 1);
  if (!loc || loc.object !== object) return undefined;

  const common = {
    object,
    replaceStart: lineStart + patch.replaceStart,
    replaceEnd: lineStart + patch.replaceEnd,
    keyColumn: patch.keyColumn,
    hasColon: patch.hasColon,
    needsSpace: patch.needsSpace,
    quoted: patch.quoted,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
    indent: indentStep(head + lineText + tail),
    documentEmpty: onlyCommentsBesides(lines, seg.firstLine, seg.lastLine, pos.line),
  };

  if (patch.mode === 'key') {
    const last = loc.path[loc.path.length - 1];
    if (!loc.onKey || last !== PLACEHOLDER) return undefined;
    const path = loc.path.slice(0, -1);
    return { ...common, mode: 'key', path, present: keysOf(object, path) };
  }
  const node = loc.node;
  if (loc.onKey || !isScalar(node) || node.value !== PLACEHOLDER) return undefined;
  return { ...common, mode: 'value', path: loc.path, present: new Set() };
}

interface LinePatch {
  mode: CursorMode;
  line: string;
  placeholderAt: number;
  replaceStart: number;
  replaceEnd: number;
  keyColumn: number;
  hasColon: boolean;
  needsSpace: boolean;
  quoted: boolean;
}

/** The cursor line with the word under the cursor replaced by the placeholder. */
function patchLine(before: string, after: string): LinePatch | undefined {
  if (inComment(before)) return undefined;
  const key = KEY_LINE.exec(before);
  if (key) {
    const lead = key[1] + key[2];
    const wordEnd = before.length + (/^[^\s:#]*/.exec(after)?.[0].length ?? 0);
    const rest = after.slice(wordEnd - before.length);
    const colon = /^[ ]*:(?=\s|$)/.exec(rest);
    const tail = colon ? rest.slice(colon[0].length) : '';
    return {
      mode: 'key',
      line: `${lead}${PLACEHOLDER}:${tail}`,
      placeholderAt: lead.length,
      replaceStart: lead.length,
      replaceEnd: wordEnd,
      keyColumn: lead.length,
      hasColon: colon !== null,
      needsSpace: false,
      quoted: false,
    };
  }
  const value = VALUE_LINE.exec(before);
  if (!value) return undefined;
  const [, indent, dashes, , spaces, typed] = value;
  // `key:value` with no space is a plain scalar in YAML, not a key; only `key:` then the cursor counts.
  if (spaces.length === 0 && typed.length > 0) return undefined;
  const valueStart = before.length - typed.length;
  const head = before.slice(0, valueStart);
  const common = { mode: 'value' as const, keyColumn: indent.length + dashes.length, hasColon: false };
  const quote = typed[0];
  if (quote === '"' || quote === "'") {
    if (typed.indexOf(quote, 1) >= 0) return undefined;
    const close = after.indexOf(quote);
    const inner = close >= 0 ? after.slice(0, close) : after;
    const tail = close >= 0 ? after.slice(close + 1) : '';
    return {
      ...common,
      line: `${head}${quote}${PLACEHOLDER}${quote}${tail}`,
      placeholderAt: head.length + 1,
      replaceStart: valueStart + 1,
      replaceEnd: before.length + inner.length,
      needsSpace: false,
      quoted: true,
    };
  }
  // Flow collections, block scalars, anchors, aliases and tags are left to the user.
  if (/^[[{|>&*!%@`]/.test(typed)) return undefined;
  const comment = /\s#/.exec(after);
  const wordTail = comment ? after.slice(0, comment.index) : after;
  return {
    ...common,
    line: `${head}${spaces.length === 0 ? ' ' : ''}${PLACEHOLDER}${comment ? after.slice(comment.index) : ''}`,
    placeholderAt: head.length + (spaces.length === 0 ? 1 : 0),
    replaceStart: valueStart,
    replaceEnd: before.length + wordTail.trimEnd().length,
    needsSpace: spaces.length === 0,
    quoted: false,
  };
}

/** True when `before` ends inside a comment (a `#` at line start or after a blank, outside quotes). */
function inComment(before: string): boolean {
  const unquoted = before.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, (m) => 'x'.repeat(m.length));
  return /(^|\s)#/.test(unquoted);
}

interface Window {
  start: number;
  end: number;
  /** Text put before the window so it parses as what it is (a List item). */
  prefix: string;
}

/**
 * The lines of the `kind: List` item under the cursor, from the current model: from the line of
 * its `-` to the line before the next item's (the last item runs to the document's end). Before
 * the first item, the List's own lines up to it. Undefined outside a block-style List.
 */
function listItemWindow(model: DocumentModel, offset: number, seg: Segment): Window | undefined {
  const doc = documentAt(model, offset);
  const root = doc?.contents;
  if (!doc || !isMap(root)) return undefined;
  const kind = root.get('kind', true);
  if (!isScalar(kind) || typeof kind.value !== 'string' || !/List$/.test(kind.value)) return undefined;
  const items = root.get('items', true);
  if (!isSeq(items) || items.flow || items.items.length === 0) return undefined;
  const { lines, text } = model;
  const cursorLine = lines.lineStart(lines.positionAt(offset).line);
  const itemLine = (i: number): number | undefined => {
    const r = (items.items[i] as YamlNode | null)?.range;
    if (!r) return undefined;
    let at = r[0];
    let j = at - 1;
    while (j >= seg.start && (text[j] === ' ' || text[j] === '\t' || text[j] === '\n' || text[j] === '\r')) j--;
    if (text[j] === '-') at = j;
    return lines.lineStart(lines.positionAt(at).line);
  };
  const first = itemLine(0);
  if (first === undefined) return undefined;
  if (cursorLine < first) return { start: seg.start, end: first, prefix: '' };
  // The last item starting at or before the cursor's line (binary search: items are in order).
  let lo = 0;
  let hi = items.items.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const at = itemLine(mid);
    if (at !== undefined && at <= cursorLine) lo = mid;
    else hi = mid - 1;
  }
  const start = itemLine(lo);
  if (start === undefined) return undefined;
  const end = lo + 1 < items.items.length ? (itemLine(lo + 1) ?? seg.end) : seg.end;
  return { start, end: Math.max(end, start), prefix: 'kind: List\nitems:\n' };
}

interface Segment {
  start: number;
  end: number;
  firstLine: number;
  lastLine: number;
}

/** The lines of the YAML document holding `line`, between `---`/`...` markers. */
function documentSegment(lines: LineIndex, text: string, line: number): Segment {
  // A cheap prefix test first: this walks every line of the document on each request.
  const isMarker = (l: number) => {
    const at = lines.lineStart(l);
    return (text.startsWith('---', at) || text.startsWith('...', at)) && MARKER.test(lines.lineText(l));
  };
  let first = line;
  while (first > 0 && !isMarker(first - 1)) first--;
  let last = line;
  while (last + 1 < lines.lineCount && !isMarker(last + 1)) last++;
  const end = last + 1 < lines.lineCount ? lines.lineStart(last + 1) : text.length;
  return { start: lines.lineStart(first), end, firstLine: first, lastLine: last };
}

function onlyCommentsBesides(lines: LineIndex, first: number, last: number, skip: number): boolean {
  for (let l = first; l <= last; l++) {
    if (l !== skip && !/^\s*(#.*)?$/.test(lines.lineText(l))) return false;
  }
  return true;
}

/** The smallest step by which a line is indented more than the key line above it; 2 by default. */
function indentStep(text: string): number {
  let best = 0;
  let prevIndent = -1;
  let prevOpens = false;
  for (const line of text.split(/\r?\n|\r/)) {
    if (!line.trim() || /^\s*#/.test(line)) continue;
    const indent = /^ */.exec(line)![0].length;
    if (prevOpens && indent > prevIndent) {
      const step = indent - prevIndent;
      if (best === 0 || step < best) best = step;
    }
    prevIndent = indent;
    prevOpens = /:\s*(#.*)?$/.test(line) && !/^\s*-/.test(line);
  }
  return best > 0 && best <= 8 ? best : 2;
}

function keysOf(object: ManifestObject, path: FieldPath): Set<string> {
  const out = new Set<string>();
  const node = nodeAtPath(object, path);
  if (!isMap(node)) return out;
  for (const pair of node.items) {
    const k = pair.key as YamlNode | null;
    if (isScalar(k) && k.value !== PLACEHOLDER) out.add(String(k.value));
  }
  return out;
}
