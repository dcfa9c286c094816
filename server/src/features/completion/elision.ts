// Which lines the completion re-parse can leave out (issue 12: a completion costs in proportion to
// what the cursor needs, not to the YAML document it sits in).
//
// cursorContext re-parses the cursor's YAML document with a placeholder on the cursor line. What
// that parse must get right is the path to the placeholder and the keys beside it; the contents of
// block collections that neither hold the cursor line nor can take it in do not change either. So
// the current model (parsed once per version) says which lines those are, by node ranges: a
// 5,000-item `env` list next to the cursor is left out and the re-parse reads a few dozen lines.
//
// What is left out, for a cursor line with indentation `c` (its leading spaces):
// - the block value of a `key:` (the value starting on a later line than the key) when it lies
//   after the cursor line with the key at a column <= c (a deeper key could become the cursor
//   line's child), or before it and closed: a sibling starts between them, or the key is at a
//   column > c, or = c when the cursor line is not a `- ` item (YAML's indentation rule);
// - in a block sequence that holds the cursor line: every line but the first of a closed item
//   before it (the item stays, so indexes do not move), and the items after it whose `-` is at a
//   column < c;
// - never the value of a key on the cursor line;
// - never `labels` / `matchLabels` mappings (completion reads them: the selector offers the
//   template's labels and back) nor the values holding them, never anything in a document with
//   anchors, aliases or templates.
import { isMap, isPair, isScalar, isSeq, Node as YamlNode, YAMLMap, YAMLSeq } from 'yaml';
import { DocumentModel, documentAt, LineIndex, overlapsTemplates } from '../../model';

/**
 * Mappings whose contents completion reads from the re-parsed object (valueChoices.ts,
 * keyItems.ts: the selector offers the template's labels and back). They and the values on the way
 * to them are never cut whole (relative to the object; a `kind: List` item's path starts after `items[i]`).
 */
const KEPT_PATHS: ReadonlyArray<readonly string[]> = [
  ['spec', 'selector', 'matchLabels'],
  ['spec', 'template', 'metadata', 'labels'],
];
/** A value shorter than this is parsed again rather than cut (cutting it saves nothing). */
const MIN_LINES = 3;

/** [start, end) offsets of whole lines, sorted and disjoint. */
export type Cut = [number, number];

/**
 * The line ranges of the cursor's YAML document ([docStart, docEnd) of the text) that the
 * completion re-parse can leave out, for a cursor on `cursorLine` with `cursorIndent` leading
 * spaces (`cursorDash`: the cursor line is a `- ` sequence item). [] when nothing can be cut.
 */
export function elidedLines(
  model: DocumentModel,
  docStart: number,
  docEnd: number,
  cursorLine: number,
  cursorIndent: number,
  cursorDash: boolean,
): Cut[] {
  const { lines, text } = model;
  const cursorOffset = lines.lineStart(cursorLine);
  const doc = documentAt(model, cursorOffset);
  if (!doc || doc.range[0] < docStart || doc.range[2] > docEnd) return [];
  if (overlapsTemplates(model, docStart, docEnd)) return [];
  if (mayHoldAnchors(text, docStart, docEnd)) return [];
  // A `kind: List` stays a List only with its items: cut inside them, not in the List's own lines.
  const root = doc.contents;
  if (isMap(root)) {
    const kind = root.get('kind', true);
    const items = root.get('items', true) as YamlNode | undefined;
    if (isScalar(kind) && /List$/.test(String(kind.value)) && isSeq(items) && items.range) {
      const first = lines.positionAt(items.range[0]).line;
      const last = lines.positionAt(Math.max(items.range[0], items.range[1] - 1)).line;
      if (cursorLine < first || cursorLine > last) return [];
    }
  }
  const cuts: Cut[] = [];
  const walker = new Walker(lines, text, cursorLine, cursorIndent, cursorDash, cuts);
  walker.walk(doc.contents as YamlNode | null, []);
  return cuts;
}

class Walker {
  constructor(
    private readonly lines: LineIndex,
    private readonly text: string,
    private readonly cursorLine: number,
    private readonly cursorIndent: number,
    private readonly cursorDash: boolean,
    private readonly cuts: Cut[],
  ) {}

  /** Walks a block collection whose lines hold (or may take in) the cursor line. */
  walk(node: YamlNode | null, path: Path): void {
    if (isMap(node) && !node.flow) this.walkMap(node, path);
    else if (isSeq(node) && !node.flow) this.walkSeq(node, path);
  }

  private walkMap(map: YAMLMap, parentPath: Path): void {
    const pairs = map.items.filter(isPair);
    pairs.forEach((pair, i) => {
      const key = pair.key as YamlNode | null;
      const value = pair.value as YamlNode | null;
      if (!key?.range || !isBlockCollection(value) || !value.range) return;
      const path = [...parentPath, isScalar(key) ? String(key.value) : '?'];
      const keyLine = this.line(key.range[0]);
      const [first, last] = this.span(value);
      // The cursor line's own value, and what a patched cursor line could take in: untouched.
      if (keyLine === this.cursorLine) return;
      // Between the key and its value's first line counts as inside the value.
      if (Math.min(keyLine + 1, first) <= this.cursorLine && this.cursorLine <= last) return this.walk(value, path);
      const keyColumn = key.range[0] - this.lines.lineStart(keyLine);
      if (keyLine > this.cursorLine && keyColumn > this.cursorIndent) return;
      if (
        last < this.cursorLine &&
        !this.closedBefore(pairs[i + 1]?.key as YamlNode | null | undefined, keyColumn, false)
      ) {
        // The cursor line may continue this value (it is the last one before the cursor and the
        // cursor is indented into it): look inside instead.
        return this.walk(value, path);
      }
      const kept = keptAt(path);
      if (kept === 'inside') return this.walk(value, path);
      if (kept === 'kept' || first <= keyLine || last - first + 1 < MIN_LINES) return;
      this.cut(first, last);
    });
  }

  private walkSeq(seq: YAMLSeq, parentPath: Path): void {
    const items = seq.items as Array<YamlNode | null>;
    items.forEach((item, i) => {
      if (!item?.range) return;
      const path = [...parentPath, i];
      const [first, last] = this.span(item);
      if (first <= this.cursorLine && this.cursorLine <= last) return this.walk(item, path);
      if (keptAt(path) !== undefined) return this.walk(item, path);
      if (last < this.cursorLine) {
        const contentColumn = item.range[0] - this.lines.lineStart(first);
        if (!this.closedBefore(items[i + 1], contentColumn, true)) return this.walk(item, path);
        // Keep the item's first line so the indexes after it stay.
        if (isBlockCollection(item) && last - first >= MIN_LINES) this.cut(first + 1, last);
        return;
      }
      // After the cursor: the whole item, when its first line holds nothing but its `- ` marker.
      const lead = /^([ ]*)-[ ]+$/.exec(this.text.slice(this.lines.lineStart(first), item.range[0]));
      if (lead && lead[1].length < this.cursorIndent) this.cut(first, last);
    });
  }

  /**
   * True when a node that ends before the cursor line cannot take the cursor line in: a sibling
   * (`next`) starts between them, or the cursor line is indented less than the node's content
   * (for a map value, `column` is its key's: a key at the same column ends it too, unless the
   * cursor line is a `- ` item, which may continue a compact sequence).
   */
  private closedBefore(next: YamlNode | null | undefined, column: number, seqItem: boolean): boolean {
    if (next?.range && this.line(next.range[0]) < this.cursorLine) return true;
    if (seqItem) return column > this.cursorIndent;
    return column > this.cursorIndent || (column === this.cursorIndent && !this.cursorDash);
  }

  /** First and last line of a node's content (trailing blank lines and comments excluded). */
  private span(node: YamlNode): [number, number] {
    const [start, end] = node.range!;
    return [this.line(start), this.line(Math.max(start, end - 1))];
  }

  private line(offset: number): number {
    return this.lines.positionAt(offset).line;
  }

  private cut(firstLine: number, lastLine: number): void {
    const start = this.lines.lineStart(firstLine);
    const end = lastLine + 1 < this.lines.lineCount ? this.lines.lineStart(lastLine + 1) : this.text.length;
    const prev = this.cuts[this.cuts.length - 1];
    if (prev && start <= prev[1]) prev[1] = Math.max(prev[1], end);
    else if (end > start) this.cuts.push([start, end]);
  }
}

type Path = Array<string | number>;

/** 'kept' for a kept mapping, 'inside' for a value on the way to one, else undefined. */
function keptAt(docPath: Path): 'kept' | 'inside' | undefined {
  // A `kind: List` item's fields are relative to the item.
  const path = docPath[0] === 'items' && typeof docPath[1] === 'number' ? docPath.slice(2) : docPath;
  if (path.length === 0) return undefined;
  for (const kept of KEPT_PATHS) {
    if (path.length > kept.length || !path.every((seg, i) => seg === kept[i])) continue;
    return path.length === kept.length ? 'kept' : 'inside';
  }
  return undefined;
}

function isBlockCollection(node: unknown): node is YAMLMap | YAMLSeq {
  return (isMap(node) || isSeq(node)) && !(node as YAMLMap | YAMLSeq).flow;
}

/** `text[start, end)` without the cut ranges. */
export function withoutCuts(text: string, start: number, end: number, cuts: readonly Cut[]): string {
  let out = '';
  let at = start;
  for (const [s, e] of cuts) {
    if (e <= at || s >= end) continue;
    if (s > at) out += text.slice(at, s);
    at = Math.max(at, e);
  }
  if (at < end) out += text.slice(at, end);
  return out;
}

/**
 * True when `text[start, end)` may hold an anchor or an alias (`&name`, `*name` after a blank or a
 * flow indicator): a cut could separate them. indexOf scans, no regex over the whole document.
 */
function mayHoldAnchors(text: string, start: number, end: number): boolean {
  for (const mark of ['&', '*']) {
    for (let at = text.indexOf(mark, start); at >= 0 && at < end; at = text.indexOf(mark, at + 1)) {
      const before = at === 0 ? ' ' : text[at - 1];
      const after = text[at + 1] ?? ' ';
      if (' \t\r\n[{,'.includes(before) && !' \t\r\n,[]{}'.includes(after)) return true;
    }
  }
  return false;
}
