// A chart's values: which `.Values.a.b` reference is under an offset, and what the values files
// say it is (its value and where it is defined). The last values file that defines a path wins,
// as with `helm template -f a.yaml -f b.yaml`. Nothing is guessed: a path no file defines is
// reported as not defined.
import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';

export interface ValuesFile {
  file: string;
  text: string;
}

export interface ValueLookup {
  /** The path as written, e.g. `.Values.image.tag`. */
  expression: string;
  path: string[];
  /** Where the value comes from, when some values file defines it. */
  definedIn?: { file: string; line: number };
  /** The value as plain data (undefined when not defined). */
  value?: unknown;
}

const REFERENCE = /\$?\.Values((?:\.[A-Za-z_][A-Za-z0-9_-]*)+)/g;

/** The `.Values...` reference at `offset` in `text`, cut after the segment under the offset. */
export function valuesReferenceAt(text: string, offset: number): { expression: string; path: string[] } | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd);
  for (const m of line.matchAll(REFERENCE)) {
    const start = lineStart + m.index!;
    const end = start + m[0].length;
    if (offset < start || offset > end) continue;
    const segments = m[1]!.slice(1).split('.');
    // Keep the segments up to the one under the offset.
    let at = start + m[0].indexOf('.Values') + '.Values'.length;
    const path: string[] = [];
    for (const s of segments) {
      path.push(s);
      at += 1 + s.length;
      if (offset <= at) break;
    }
    return { expression: `.Values.${path.join('.')}`, path };
  }
  return undefined;
}

export function lookupValue(files: readonly ValuesFile[], path: string[]): ValueLookup {
  const out: ValueLookup = { expression: `.Values.${path.join('.')}`, path };
  for (const f of files) {
    const lines = new LineCounter();
    let doc;
    try {
      doc = parseDocument(f.text, { version: '1.1', lineCounter: lines });
    } catch {
      continue;
    }
    if (doc.errors.length > 0) continue;
    let node: unknown = doc.contents;
    let keyNode: YamlNode | undefined;
    for (const seg of path) {
      if (!isMap(node)) {
        node = undefined;
        break;
      }
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === seg);
      if (!pair) {
        node = undefined;
        break;
      }
      keyNode = pair.key as YamlNode;
      node = pair.value;
    }
    if (node === undefined || !keyNode?.range) continue;
    out.definedIn = { file: f.file, line: lines.linePos(keyNode.range[0]).line };
    out.value = node === null ? null : ((node as YamlNode).toJSON?.() ?? (isScalar(node) ? node.value : undefined));
  }
  return out;
}
