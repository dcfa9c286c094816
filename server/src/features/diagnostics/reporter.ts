// Collects the diagnostics of one Kubernetes object: turns field paths into source ranges, and
// drops what cannot be certain — a finding on text that overlaps a Helm template, and a required
// field or a cross-field comparison in an object whose text is templated or partial (a kustomize
// patch).
import { isMap, Node as YamlNode } from 'yaml';
import {
  DocumentModel,
  FieldPath,
  ManifestObject,
  nodeAtPath,
  overlapsTemplates,
  pairAtPath,
  rangeOfPath,
  RangePart,
} from '../../model';
import type { ManifestDiagnostic, Severity } from '../../model/manifestDiagnostic';
import { apiPath } from './apiPath';

export interface ReportOptions {
  /** Which part of the field the range covers (default: the value). */
  part?: RangePart;
  /**
   * Where the range goes when it is not the reported path: upstream reports some errors on a
   * parent (a label key's error on `metadata.labels`, a subPath's on `volumeMounts`); the user
   * sees the range on what they wrote.
   */
  at?: FieldPath;
  /**
   * The path upstream prints when it names a field that is not in the manifest under that name
   * (validateOverhead reports an overhead entry at `overhead.limits[<name>]`).
   */
  shownPath?: string;
  /** Other fields the finding depends on: if any touches a template, nothing is reported. */
  involves?: FieldPath[];
  /** A "Required value" finding: dropped when the object is templated or partial. */
  required?: boolean;
  /** The finding compares several fields: dropped when the object is partial. */
  crossField?: boolean;
  /** Only the key decides (an unknown field): a templated value does not make it uncertain. */
  keyOnly?: boolean;
  data?: unknown;
}

export interface ObjectFlags {
  /** A kustomize patch: only the fields present are checked. */
  partial: boolean;
}

export class Reporter {
  private readonly seen = new Set<string>();

  constructor(
    readonly model: DocumentModel,
    readonly obj: ManifestObject,
    readonly flags: ObjectFlags,
    private readonly out: ManifestDiagnostic[],
  ) {}

  get incomplete(): boolean {
    return this.flags.partial || this.obj.templated;
  }

  error(code: string, path: FieldPath, message: string, opts?: ReportOptions): void {
    this.add(code, 'error', path, message, opts);
  }

  warning(code: string, path: FieldPath, message: string, opts?: ReportOptions): void {
    this.add(code, 'warning', path, message, opts);
  }

  info(code: string, path: FieldPath, message: string, opts?: ReportOptions): void {
    this.add(code, 'info', path, message, opts);
  }

  add(code: string, severity: Severity, path: FieldPath, message: string, opts: ReportOptions = {}): void {
    if (opts.required && this.incomplete) return;
    if (opts.crossField && this.flags.partial) return;
    const rangePath = opts.at ?? path;
    if (this.model.templates.length > 0) {
      for (const p of [rangePath, ...(opts.involves ?? [])]) {
        const key =
          p === rangePath && opts.keyOnly
            ? (pairAtPath(this.obj, p)?.key as YamlNode | null | undefined)?.range
            : undefined;
        const [s, e] = key ? [key[0], key[1]] : this.extentOf(p);
        if (overlapsTemplates(this.model, s, e)) return;
      }
    }
    const [start, rawEnd] =
      nodeAtPath(this.obj, rangePath) === undefined
        ? this.missingRange(rangePath)
        : rangeOfPath(this.obj, rangePath, opts.part ?? 'value');
    // A block value (a whole list item or mapping) is shown by its first line only.
    const nl = lineBreakAfter(this.model, start);
    const end = nl < rawEnd ? trimEnd(this.model.text, start, nl) : rawEnd;
    const shown = opts.shownPath ?? apiPath(path);
    // Upstream may report one path twice with different details (a readiness probe's
    // terminationGracePeriodSeconds): only an identical finding is dropped, wherever its range
    // (a rule and the schema check may both find a required field missing).
    const key = `${code}\u0000${shown}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const d: ManifestDiagnostic = { code, severity, message, path: shown, start, end };
    if (opts.data !== undefined) d.data = opts.data;
    this.out.push(d);
  }

  /**
   * Where to show a field that is not there: the key of its nearest existing ancestor, or, inside
   * a list item, the item's first key (never a multi-line block).
   */
  private missingRange(path: FieldPath): [number, number] {
    for (let n = path.length - 1; n > 0; n--) {
      const sub = path.slice(0, n);
      const item = nodeAtPath(this.obj, sub);
      if (item === undefined) continue;
      if (typeof sub[sub.length - 1] !== 'number') break;
      if (isMap(item) && item.items.length > 0) {
        const key = item.items[0]!.key as YamlNode | null;
        if (key?.range) return [key.range[0], key.range[1]];
      }
      if (item?.range) {
        const nl = lineBreakAfter(this.model, item.range[0]);
        return [item.range[0], nl > item.range[1] ? item.range[1] : nl];
      }
      break;
    }
    return rangeOfPath(this.obj, path, 'key');
  }

  /** Source offsets of a field from its key to the end of its value (nearest existing ancestor when absent). */
  extentOf(path: FieldPath): [number, number] {
    for (let n = path.length; n > 0; n--) {
      const sub = path.slice(0, n);
      const last = sub[sub.length - 1];
      if (typeof last === 'number') {
        const node = nodeAtPath(this.obj, sub);
        if (node?.range) return [node.range[0], node.range[1]];
        continue;
      }
      const pair = pairAtPath(this.obj, sub);
      if (!pair) continue;
      const key = pair.key as YamlNode | null;
      const value = pair.value as YamlNode | null;
      const start = key?.range?.[0] ?? value?.range?.[0];
      const end = value?.range?.[1] ?? key?.range?.[1];
      if (start !== undefined && end !== undefined) return [start, end];
    }
    const r = this.obj.node.range ?? [0, 0, 0];
    return [r[0], r[1]];
  }

  /** The YAML node of a field, when present (for what the user typed). */
  nodeAt(path: FieldPath): YamlNode | null | undefined {
    return nodeAtPath(this.obj, path);
  }
}

/**
 * Offset of the line break ending the line that holds `offset` (text length on the last line),
 * from the line index: scanning the text for '\n' would cost the rest of a long line (a flow
 * mapping on one line) per finding.
 */
function lineBreakAfter(model: DocumentModel, offset: number): number {
  const line = model.lines.positionAt(offset).line;
  if (line + 1 >= model.lines.lineCount) return model.text.length;
  return model.lines.lineStart(line + 1) - 1;
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start + 1 && (text[e - 1] === ' ' || text[e - 1] === '\r' || text[e - 1] === '\t')) e--;
  return e;
}
