// Quick fixes for the cluster diagnostics: "Tolerate taint `k=v:Effect` (N nodes)" adds one
// toleration to spec.template.spec.tolerations, in the document's own layout: appended to a
// block list, inserted into a flow list, or a new `tolerations:` key at the end of the pod spec.
import type { CodeAction, CodeActionKind, Diagnostic, Range, TextEdit } from 'vscode-languageserver';
import { isMap, isScalar, isSeq, Node as YamlNode, parse, YAMLMap, YAMLSeq } from 'yaml';
import { DocumentModel, ManifestObject, nodeAtPath, objectAt, pairAtPath } from '../../model';
import { formatTaint, toleratesTaint } from '../../placement';
import type { DaemonSet, Toleration } from '../../placement/types';
import { clusterDiagnostics, POD_SPEC_PATH, TOLERATIONS_PATH, UntoleratedTaintData } from './diagnostics';
import type { FeatureContext } from '../context';

const QUICK_FIX: CodeActionKind = 'quickfix';

export function clusterCodeActions(
  model: DocumentModel,
  uri: string,
  range: Range,
  diagnostics: readonly Diagnostic[],
  ctx: FeatureContext,
): CodeAction[] {
  const actions: CodeAction[] = [];
  let recomputed: ReturnType<typeof clusterDiagnostics> | undefined;
  for (const d of diagnostics) {
    if (d.code !== 'untoleratedTaint' || !overlaps(d.range, range)) continue;
    const start = model.lines.offsetAt(d.range.start);
    let data = readData(d.data);
    if (!data) {
      // Some clients drop `data` on the way back: find the same finding in the current model (all
      // sit on one key, so the message tells them apart; the server may prefix it with the path).
      recomputed ??= clusterDiagnostics(model, ctx);
      data = readData(
        recomputed.find((r) => r.code === 'untoleratedTaint' && r.start === start && messageText(d).endsWith(r.message))
          ?.data,
      );
    }
    const obj = objectAt(model, start);
    if (!data || !obj || obj.kind !== 'DaemonSet' || obj.templated) continue;
    // A diagnostic from an older version of the text may already be fixed.
    if (ownTolerations(obj).some((tol) => toleratesTaint(tol, data.taint))) continue;
    const edit = tolerationEdit(model, obj, data.taint);
    if (!edit) continue;
    const n = data.nodes.length;
    actions.push({
      title: `Tolerate taint \`${formatTaint(data.taint)}\` (${n} ${n === 1 ? 'node' : 'nodes'})`,
      kind: QUICK_FIX,
      diagnostics: [d],
      edit: { changes: { [uri]: [edit] } },
    });
  }
  return actions;
}

function readData(raw: unknown): UntoleratedTaintData | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { taint, nodes } = raw as Partial<UntoleratedTaintData>;
  if (typeof taint !== 'object' || taint === null || typeof taint.key !== 'string' || typeof taint.effect !== 'string')
    return undefined;
  if (taint.value !== undefined && typeof taint.value !== 'string') return undefined;
  return { taint, nodes: Array.isArray(nodes) ? nodes.filter((n): n is string => typeof n === 'string') : [] };
}

function ownTolerations(obj: ManifestObject): Toleration[] {
  const list = (obj.value as DaemonSet | undefined)?.spec?.template?.spec?.tolerations;
  return Array.isArray(list) ? list.filter((t): t is Toleration => typeof t === 'object' && t !== null) : [];
}

function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) =>
    p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

// --- the edit ---------------------------------------------------------------------------

/** The TextEdit adding a toleration for `taint`, or undefined when the layout is not one we can edit safely. */
export function tolerationEdit(
  model: DocumentModel,
  obj: ManifestObject,
  taint: UntoleratedTaintData['taint'],
): TextEdit | undefined {
  const eol = model.text.includes('\r\n') ? '\r\n' : '\n';
  const fields: Array<[string, string]> = [['key', taint.key]];
  if (taint.value !== undefined && taint.value !== '') fields.push(['operator', 'Equal'], ['value', taint.value]);
  else fields.push(['operator', 'Exists']);
  fields.push(['effect', taint.effect]);
  const seqOffset = dashOffset(model, obj);

  const pair = pairAtPath(obj, TOLERATIONS_PATH);
  if (pair) {
    const key = pair.key as YamlNode | null;
    const value = pair.value as YamlNode | null;
    if (!key?.range) return undefined;
    const keyCol = column(model, key.range[0]);
    if (isSeq(value) && value.range) {
      const seq = value as YAMLSeq;
      if (seq.flow) {
        if (seq.items.length === 0)
          return replaceWithBlock(model, key.range[1], value.range[1], keyCol + seqOffset, fields, eol);
        // `[a, b]` → `[a, b, {key: …}]`, before the closing bracket.
        const close = model.text.lastIndexOf(']', value.range[1] - 1);
        if (close < value.range[0]) return undefined;
        const item = `{${fields.map(([k, v]) => `${k}: ${scalar(v)}`).join(', ')}}`;
        return insertAt(model, close, `, ${item}`);
      }
      return insertAfterLine(model, value.range[1], blockItem(column(model, value.range[0]), fields, eol), eol);
    }
    // `tolerations:` with nothing, `~` or `null` after it.
    if (value === null || (isScalar(value) && value.value === null)) {
      const end = value?.range ? value.range[1] : key.range[1];
      return replaceWithBlock(model, key.range[1], end, keyCol + seqOffset, fields, eol);
    }
    return undefined;
  }

  const spec = nodeAtPath(obj, POD_SPEC_PATH);
  if (!isMap(spec) || (spec as YAMLMap).flow || !spec.range) return undefined;
  const pairs = (spec as YAMLMap).items;
  const firstKey = pairs[0]?.key as YamlNode | null | undefined;
  const last = pairs[pairs.length - 1];
  if (!firstKey?.range || !last) return undefined;
  const keyCol = column(model, firstKey.range[0]);
  const lastEnd = (last.value as YamlNode | null)?.range?.[1] ?? (last.key as YamlNode | null)?.range?.[1];
  if (lastEnd === undefined) return undefined;
  const text = `${' '.repeat(keyCol)}tolerations:${eol}${blockItem(keyCol + seqOffset, fields, eol)}`;
  return insertAfterLine(model, lastEnd, text, eol);
}

/** `- key: …` lines at `indent`, each ending with `eol`. */
function blockItem(indent: number, fields: ReadonlyArray<[string, string]>, eol: string): string {
  const pad = ' '.repeat(indent);
  return fields.map(([k, v], i) => `${pad}${i === 0 ? '- ' : '  '}${k}: ${scalar(v)}${eol}`).join('');
}

/** Replaces `: <old value>` after a key with a block list on the following lines. */
function replaceWithBlock(
  model: DocumentModel,
  keyEnd: number,
  valueEnd: number,
  indent: number,
  fields: ReadonlyArray<[string, string]>,
  eol: string,
): TextEdit | undefined {
  const colon = model.text.indexOf(':', keyEnd);
  if (colon < 0 || colon > Math.max(valueEnd, keyEnd)) return undefined;
  const end = Math.max(valueEnd, colon + 1);
  const block = blockItem(indent, fields, eol);
  return {
    range: { start: model.lines.positionAt(colon + 1), end: model.lines.positionAt(end) },
    newText: eol + block.slice(0, block.length - eol.length),
  };
}

/** Inserts whole lines after the line holding `offset` (or at it, when it starts a line). */
function insertAfterLine(model: DocumentModel, offset: number, lines: string, eol: string): TextEdit {
  const text = model.text;
  if (offset > 0 && text[offset - 1] === '\n') return insertAt(model, offset, lines);
  const nl = text.indexOf('\n', offset);
  if (nl < 0) return insertAt(model, text.length, eol + lines.slice(0, lines.length - eol.length));
  return insertAt(model, nl + 1, lines);
}

function insertAt(model: DocumentModel, offset: number, newText: string): TextEdit {
  const at = model.lines.positionAt(offset);
  return { range: { start: at, end: at }, newText };
}

function column(model: DocumentModel, offset: number): number {
  return model.lines.positionAt(offset).character;
}

/** How far this document indents a list's `-` past its key (0 or 2), read from `containers`. */
function dashOffset(model: DocumentModel, obj: ManifestObject): number {
  const pair = pairAtPath(obj, [...POD_SPEC_PATH, 'containers']);
  const key = pair?.key as YamlNode | null | undefined;
  const value = pair?.value as YamlNode | null | undefined;
  if (!key?.range || !isSeq(value) || (value as YAMLSeq).flow || !value.range) return 2;
  const offset = column(model, value.range[0]) - column(model, key.range[0]);
  return offset >= 0 ? offset : 2;
}

/** A scalar as YAML text that reads back as the same string (quoted when YAML 1.1 would not). */
function scalar(s: string): string {
  const plain = /^[A-Za-z0-9][A-Za-z0-9_./-]*$/.test(s);
  if (plain) {
    try {
      if (parse(s, { version: '1.1' }) === s) return s;
    } catch {
      // fall through to quoting
    }
  }
  return JSON.stringify(s);
}
