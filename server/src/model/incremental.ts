// Re-parse of one block mapping inside a large YAML document (issue 12): an edit inside one
// item of a 5,000-item `env` list, or one key of `resources.requests`, re-parses that mapping
// only, not the 10,000 lines around it. The previous version's document is reused: the mapping
// holding the edit is replaced by the re-parsed one and every range after it is moved.
//
// The shortcut is taken only where a standalone parse of the mapping's text (padded to its
// column) provably reads the same as the whole document would: the old document had no errors;
// the new mapping parses alone without errors, as one block mapping at the same column covering
// its whole text; every content line of it is indented at least to that column (so nothing in it
// can become a sibling of an ancestor, and nothing after it can join it); and it holds none of
// the constructs whose meaning depends on text outside it (anchors and aliases, block scalars
// with their chomping, tabs, CRs, Helm templates). Anything else falls back to the full parse.
// test/unit/model/incremental.test.ts checks the result equals a full parse on random edits of
// real manifests.
import { Document, isMap, isPair, isSeq, Node as YamlNode, YAMLMap, YAMLSeq } from 'yaml';
import { MAX_NESTING_DEPTH, nestingProblem } from './nesting';
import { parseGuarded } from './yamlReader';

/** Documents shorter than this are parsed whole: the shortcut would not pay for itself. */
export const MIN_DOCUMENT_CHARS = 16 * 1024;

/** Text the shortcut leaves to the full parse (see the header). */
const UNSAFE = /[&*|>\t\r]/;

/**
 * The document of `oldText` (one YAML document, no errors, ranges at `oldStart`) updated to
 * `newText` (at `newStart`), re-parsing only the block mapping around the change; undefined
 * when the shortcut does not apply (then nothing was changed). On success the old document is
 * updated in place and returned: the old chunk must not be used again.
 */
export function reparseInside(
  doc: Document.Parsed,
  oldText: string,
  oldStart: number,
  newText: string,
  newStart: number,
  minChars = MIN_DOCUMENT_CHARS,
): Document.Parsed | undefined {
  if (oldText.length < minChars || doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const min = Math.min(oldText.length, newText.length);
  let p = 0;
  while (p < min && oldText.charCodeAt(p) === newText.charCodeAt(p)) p++;
  if (p === oldText.length && p === newText.length) return undefined;
  let s = 0;
  while (s < min - p && oldText.charCodeAt(oldText.length - 1 - s) === newText.charCodeAt(newText.length - 1 - s)) s++;
  const delta = newText.length - oldText.length;
  // The change, in the old document's (absolute) offsets: [a, b) became newText[p, len - s).
  const a = oldStart + p;
  const b = oldStart + oldText.length - s;

  // The deepest block mapping (not the root) strictly around the change, and where it hangs.
  let target: { map: YAMLMap; set: (node: YAMLMap) => void; depth: number } | undefined;
  let cur: unknown = doc.contents;
  let depth = 0;
  const inside = (n: unknown): n is YamlNode => {
    const r = (n as YamlNode | null)?.range;
    return !!r && r[0] < a && b < r[2];
  };
  for (;;) {
    depth++;
    if (isMap(cur) && !cur.flow) {
      const pair = cur.items.find((it) => isPair(it) && inside(it.value));
      if (!pair) break;
      const value = pair.value;
      if (isMap(value) && !value.flow) target = { map: value, set: (n) => (pair.value = n), depth };
      cur = value;
      continue;
    }
    if (isSeq(cur) && !cur.flow) {
      const seq = cur as YAMLSeq;
      const i = seq.items.findIndex(inside);
      if (i < 0) break;
      const item = seq.items[i];
      if (isMap(item) && !item.flow) target = { map: item, set: (n) => (seq.items[i] = n), depth };
      cur = item;
      continue;
    }
    break;
  }
  if (!target) return undefined;
  const [mapStart, , mapEnd] = target.map.range!;
  const lineStart = oldText.lastIndexOf('\n', mapStart - oldStart - 1) + 1;
  const col = mapStart - oldStart - lineStart;
  const fragStart = mapStart - oldStart; // the same in both texts: the change comes later
  const fragEnd = mapEnd - oldStart + delta;
  if (col <= 0 || fragEnd > newText.length || fragEnd <= fragStart) return undefined;
  const fragment = newText.slice(fragStart, fragEnd);
  if (UNSAFE.test(fragment) || !fragment.endsWith('\n')) return undefined;
  // A comment or blank line last: the whole document's ranges run on into the next line.
  if (!endsWithContent(fragment) || !endsWithContent(oldText.slice(fragStart, mapEnd - oldStart))) return undefined;
  // Every line that is not blank or a comment stays at or right of the mapping's column.
  for (let i = fragment.indexOf('\n') + 1; i < fragment.length;) {
    const end = fragment.indexOf('\n', i);
    let j = i;
    while (j < end && fragment.charCodeAt(j) === 32) j++;
    if (j < end && fragment[j] !== '#' && j - i < col) return undefined;
    i = end + 1;
  }
  const padded = ' '.repeat(col) + fragment;
  // The depth left below the ancestors (each may count two levels: see nesting.ts).
  const limit = MAX_NESTING_DEPTH - 2 * target.depth - 2;
  if (limit < 16 || nestingProblem(padded, limit)) return undefined;
  const parsed = parseGuarded(padded, { version: '1.1' });
  if (parsed.length !== 1) return undefined;
  const fresh = parsed[0]!;
  const map = fresh.contents;
  if (fresh.errors.length > 0 || fresh.commentBefore || fresh.comment || !isMap(map) || map.flow || !map.range)
    return undefined;
  if (map.range[0] !== col || map.range[2] !== padded.length) return undefined;
  // An empty value (`key:`, `- `) at the very end takes in the next line's indentation, which
  // the fragment does not have: its range would differ from the whole document's.
  if (endsEmpty(map) || endsEmpty(target.map)) return undefined;

  // Commit: move the old ranges into the new text, then hang the new mapping in.
  const base = newStart - oldStart;
  const moveOld = (x: number) => x + base + (x >= mapEnd ? delta : 0);
  const moveNew = newStart + fragStart - col;
  moveRanges(doc.contents, moveOld, target.map);
  doc.range = [moveOld(doc.range[0]), moveOld(doc.range[1]), moveOld(doc.range[2])];
  moveRanges(map, (x) => x + moveNew);
  // What the text before the mapping says about it (a comment above it, a tag) stays.
  const was = target.map;
  if (was.commentBefore !== undefined) map.commentBefore = was.commentBefore;
  if (was.spaceBefore !== undefined) map.spaceBefore = was.spaceBefore;
  if (was.tag !== undefined) map.tag = was.tag;
  target.set(map);
  return doc;
}

/**
 * Applies `move` to every range in a node tree (keys, values, items, aliases), leaving out
 * `skip`. A plain recursive walk: the `yaml` package's visit() builds a frozen path per node
 * and cost more than the re-parse it serves. Depth is bounded by nesting.ts.
 */
export function moveRanges(node: unknown, move: (x: number) => number, skip?: unknown): void {
  if (node === null || typeof node !== 'object' || node === skip) return;
  if (isPair(node)) {
    moveRanges(node.key, move, skip);
    moveRanges(node.value, move, skip);
    return;
  }
  const n = node as { range?: [number, number, number] | null; items?: unknown[] };
  if (n.range) n.range = [move(n.range[0]), move(n.range[1]), move(n.range[2])];
  if (Array.isArray(n.items)) for (const item of n.items) moveRanges(item, move, skip);
}

/** True when the last node in the tree is an empty value (null, or a scalar with no text). */
function endsEmpty(node: unknown): boolean {
  for (let cur = node, i = 0; i < MAX_NESTING_DEPTH * 2; i++) {
    if (isPair(cur)) {
      cur = cur.value;
      continue;
    }
    if (isMap(cur) || isSeq(cur)) {
      if (cur.items.length === 0) return true;
      cur = cur.items[cur.items.length - 1];
      continue;
    }
    const r = (cur as YamlNode | null)?.range;
    return !r || r[0] === r[1];
  }
  return true;
}

/** True when the text's last line holds YAML content (not blank, not only a comment). */
function endsWithContent(text: string): boolean {
  const last = text.slice(text.lastIndexOf('\n', text.length - 2) + 1).trim();
  return last !== '' && !last.startsWith('#');
}
