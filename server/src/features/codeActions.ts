// Quick fixes for the DaemonSet diagnostics. Each fix is recomputed from the current model (the
// diagnostic only says which object and which rule), and edits keep the document's own layout:
// its indentation step, block or flow style, and quoting.
//   removedApiVersion      → "Rewrite to apps/v1" (+ the selector, and OnDelete, the old API defaulted)
//   wrongType (YAML 1.1)   → quote the value as typed
//   restartPolicyNotAlways → set it to Always
//   selectorMissing        → add spec.selector from the template labels
//   selectorMismatch       → add the selector's labels to the template labels
//   invalidFileMode        → write the digits as octal
//   deprecatedNodeLabel    → use the GA label
//   unknownKind            → Change kind to DaemonSet (a case or spelling mistake)
//   unknownApiVersion      → Change apiVersion to apps/v1 (when it differs only in case or spaces)
//   best practices (diagnostics/bestPractices.ts):
//   hostNetworkWithoutDnsPolicy → dnsPolicy: ClusterFirstWithHostNet
//   noPriorityClass             → priorityClassName: system-node-critical
//   hostPidShared, hostIpcShared → set it to false
//   writableLogHostPath         → readOnly: true on the mount
//   windowsNodesWithoutOsSelector (cluster) → nodeSelector kubernetes.io/os: linux
import type { CodeAction, CodeActionKind, Diagnostic, Range, TextEdit } from 'vscode-languageserver';
import { isMap, Node as YamlNode, Pair, YAMLMap } from 'yaml';
import { DocumentModel, FieldPath, ManifestObject, nodeAtPath, objectAt, pairAtPath } from '../model';
import type { FeatureContext } from './context';
import { oldDefaultStrategy } from '../schema/apiVersions';
import { obj, stringMap } from '../model/plainValues';

const QUICK_FIX: CodeActionKind = 'quickfix';
const SPEC: FieldPath = ['spec'];
const TEMPLATE: FieldPath = ['spec', 'template'];

export function codeActions(
  model: DocumentModel,
  uri: string,
  range: { start: { line: number; character: number }; end: { line: number; character: number } },
  diagnostics: Diagnostic[],
  _ctx: FeatureContext,
): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== 'daemonset' || !overlaps(d.range, range)) continue;
    const start = model.lines.offsetAt(d.range.start);
    const end = model.lines.offsetAt(d.range.end);
    const object = objectAt(model, start);
    if (!object || (object.kind !== 'DaemonSet' && d.code !== 'unknownKind')) continue;
    const fix = fixFor(model, object, String(d.code), start, end, d.data);
    if (!fix) continue;
    actions.push({
      title: fix.title,
      kind: QUICK_FIX,
      diagnostics: [d],
      isPreferred: true,
      edit: { changes: { [uri]: fix.edits } },
    });
  }
  return actions;
}

interface Fix {
  title: string;
  edits: TextEdit[];
}

function fixFor(
  model: DocumentModel,
  object: ManifestObject,
  code: string,
  start: number,
  end: number,
  data: unknown,
): Fix | undefined {
  const e = new Edits(model);
  switch (code) {
    case 'removedApiVersion':
      return rewriteToAppsV1(object, e);
    case 'wrongType': {
      const quote = (data as { quote?: unknown } | undefined)?.quote;
      const typed = model.text.slice(start, end);
      if (typeof quote !== 'string' || typed !== quote) return undefined;
      e.replace(start, end, JSON.stringify(typed));
      return { title: `Quote ${typed} so it stays a string`, edits: e.list };
    }
    case 'unknownKind':
    case 'unknownApiVersion': {
      // The did-you-mean: the served spelling, written in place of what was typed.
      const replacement = (data as { replacement?: unknown } | undefined)?.replacement;
      if (typeof replacement !== 'string') return undefined;
      const field = code === 'unknownKind' ? 'kind' : 'apiVersion';
      const node = nodeAtPath(object, [field]);
      if (!node?.range) return undefined;
      const typed = model.text.slice(node.range[0], node.range[1]);
      const q = typed[0] === '"' || typed[0] === "'" ? typed[0] : '';
      e.replace(node.range[0], node.range[1], `${q}${replacement}${q}`);
      return { title: `Change ${field} to ${replacement}`, edits: e.list };
    }
    case 'restartPolicyNotAlways':
      e.replace(start, end, 'Always');
      return { title: 'Set restartPolicy to Always', edits: e.list };
    case 'selectorMissing': {
      const labels = templateLabels(object);
      const spec = blockMap(nodeAtPath(object, SPEC));
      if (labels.size === 0 || !spec) return undefined;
      e.insertPairs(spec, [selectorLines(labels)]);
      return { title: 'Add spec.selector matching the template labels', edits: e.list };
    }
    case 'selectorMismatch':
      return addSelectorLabelsToTemplate(object, e);
    case 'invalidFileMode': {
      const octal = (data as { octal?: unknown } | undefined)?.octal;
      if (typeof octal !== 'string' || model.text.slice(start, end) !== octal) return undefined;
      e.replace(start, end, `0${octal}`);
      return { title: `Write 0${octal} (octal)`, edits: e.list };
    }
    case 'deprecatedNodeLabel': {
      const replacement = (data as { replacement?: unknown } | undefined)?.replacement;
      if (typeof replacement !== 'string') return undefined;
      const typed = model.text.slice(start, end);
      const q = typed[0] === '"' || typed[0] === "'" ? typed[0] : '';
      e.replace(start, end, `${q}${replacement}${q}`);
      return { title: `Use ${replacement}`, edits: e.list };
    }
    case 'hostNetworkWithoutDnsPolicy':
      return setPodField(object, e, 'dnsPolicy', 'ClusterFirstWithHostNet', 'Set dnsPolicy: ClusterFirstWithHostNet');
    case 'noPriorityClass':
      return setPodField(
        object,
        e,
        'priorityClassName',
        'system-node-critical',
        'Set priorityClassName: system-node-critical',
      );
    case 'hostPidShared':
      return setPodField(object, e, 'hostPID', 'false', 'Set hostPID: false');
    case 'hostIpcShared':
      return setPodField(object, e, 'hostIPC', 'false', 'Set hostIPC: false');
    case 'writableLogHostPath': {
      // The diagnostic sits on the mount's name: its parent is the mount.
      const path = (data as { path?: unknown } | undefined)?.path;
      const m =
        typeof path === 'string'
          ? /^spec\.template\.spec\.containers\[(\d+)\]\.volumeMounts\[(\d+)\]/.exec(path)
          : null;
      if (!m) return undefined;
      const mountPath: FieldPath = [...POD_SPEC, 'containers', Number(m[1]), 'volumeMounts', Number(m[2])];
      const existing = nodeAtPath(object, [...mountPath, 'readOnly']);
      if (existing?.range) e.replace(existing.range[0], existing.range[1], 'true');
      else {
        const mount = nodeAtPath(object, mountPath);
        if (!isMap(mount) || !e.insertPairs(mount, [[{ depth: 0, text: 'readOnly: true' }]])) return undefined;
      }
      return { title: 'Mount it readOnly', edits: e.list };
    }
    case 'windowsNodesWithoutOsSelector': {
      const selector = nodeAtPath(object, [...POD_SPEC, 'nodeSelector']);
      if (isMap(selector) && selector.items.length > 0) {
        if (!e.insertPairs(selector, [[{ depth: 0, text: 'kubernetes.io/os: linux' }]])) return undefined;
      } else if (selector === undefined) {
        const pod = nodeAtPath(object, POD_SPEC);
        if (
          !isMap(pod) ||
          pod.items.length === 0 ||
          !e.insertPairs(pod, [
            [
              { depth: 0, text: 'nodeSelector:' },
              { depth: 1, text: 'kubernetes.io/os: linux' },
            ],
          ])
        )
          return undefined;
      } else return undefined;
      return { title: 'Add nodeSelector kubernetes.io/os: linux', edits: e.list };
    }
    default:
      return undefined;
  }
}

const POD_SPEC: FieldPath = [...TEMPLATE, 'spec'];

/** Sets a scalar field of the pod spec: its value replaced when present, else a new first key. */
function setPodField(object: ManifestObject, e: Edits, key: string, value: string, title: string): Fix | undefined {
  const existing = nodeAtPath(object, [...POD_SPEC, key]);
  if (existing?.range) e.replace(existing.range[0], existing.range[1], value);
  else {
    const pod = nodeAtPath(object, POD_SPEC);
    if (!isMap(pod) || pod.items.length === 0 || !e.insertPairs(pod, [[{ depth: 0, text: `${key}: ${value}` }]]))
      return undefined;
  }
  return { title, edits: e.list };
}

/** apiVersion apps/v1, plus what the removed version defaulted and apps/v1 does not. */
function rewriteToAppsV1(object: ManifestObject, e: Edits): Fix | undefined {
  const version = nodeAtPath(object, ['apiVersion']);
  if (!version?.range || !object.apiVersion) return undefined;
  e.replace(version.range[0], version.range[1], 'apps/v1');
  const value = obj(object.value);
  const spec = obj(value?.['spec']);
  const specNode = blockMap(nodeAtPath(object, SPEC));
  const added: Line[][] = [];
  const labels = templateLabels(object);
  if (spec && (spec['selector'] === undefined || spec['selector'] === null) && labels.size > 0)
    added.push(selectorLines(labels));
  const strategy = oldDefaultStrategy(object.apiVersion);
  if (strategy && spec) {
    const current = obj(spec['updateStrategy']);
    if (!current)
      added.push([
        { depth: 0, text: 'updateStrategy:' },
        { depth: 1, text: `type: ${strategy}` },
      ]);
    else if (current['type'] === undefined || current['type'] === null) {
      const node = blockMap(nodeAtPath(object, [...SPEC, 'updateStrategy']));
      if (node) e.insertPairs(node, [[{ depth: 0, text: `type: ${strategy}` }]]);
    }
  }
  if (added.length > 0 && specNode) e.insertPairs(specNode, added);
  return { title: 'Rewrite to apps/v1', edits: e.list };
}

function addSelectorLabelsToTemplate(object: ManifestObject, e: Edits): Fix | undefined {
  const selector = obj(obj(obj(object.value)?.['spec'])?.['selector']);
  if (
    !selector ||
    (Array.isArray(selector['matchExpressions']) && (selector['matchExpressions'] as unknown[]).length > 0)
  )
    return undefined;
  const wanted = stringMap(selector['matchLabels']);
  if (wanted.size === 0) return undefined;
  const current = templateLabels(object);
  const labelsPath = [...TEMPLATE, 'metadata', 'labels'];
  const labelsNode = nodeAtPath(object, labelsPath);
  const missing: Line[][] = [];
  for (const [k, v] of wanted) {
    if (current.get(k) === v) continue;
    const existing = pairAtPath(object, [...labelsPath, k]);
    const valueNode = existing?.value as YamlNode | null | undefined;
    if (existing && valueNode?.range) e.replace(valueNode.range[0], valueNode.range[1], yamlScalar(v));
    else missing.push([{ depth: 0, text: `${yamlScalar(k)}: ${yamlScalar(v)}` }]);
  }
  if (missing.length > 0) {
    if (isMap(labelsNode)) {
      if (!e.insertPairs(labelsNode, missing)) return undefined;
    } else {
      const labelLines: Line[] = [
        { depth: 0, text: 'labels:' },
        ...missing.map((l) => ({ depth: 1, text: l[0]!.text })),
      ];
      const meta = blockMap(nodeAtPath(object, [...TEMPLATE, 'metadata']));
      const template = blockMap(nodeAtPath(object, TEMPLATE));
      if (meta && labelsNode === undefined) e.insertPairs(meta, [labelLines]);
      else if (template && nodeAtPath(object, [...TEMPLATE, 'metadata']) === undefined) {
        e.insertPairs(template, [
          [{ depth: 0, text: 'metadata:' }, ...labelLines.map((l) => ({ depth: l.depth + 1, text: l.text }))],
        ]);
      } else return undefined;
    }
  }
  return { title: "Add the selector's labels to the template labels", edits: e.list };
}

function templateLabels(object: ManifestObject): Map<string, string> {
  return stringMap(obj(obj(obj(obj(object.value)?.['spec'])?.['template'])?.['metadata'])?.['labels']);
}

function selectorLines(labels: ReadonlyMap<string, string>): Line[] {
  return [
    { depth: 0, text: 'selector:' },
    { depth: 1, text: 'matchLabels:' },
    ...[...labels].map(([k, v]) => ({ depth: 2, text: `${yamlScalar(k)}: ${yamlScalar(v)}` })),
  ];
}

function blockMap(node: unknown): YAMLMap | undefined {
  return isMap(node) && !node.flow && node.items.length > 0 ? node : undefined;
}

/** A scalar written so YAML 1.1 reads it back as the same string. */
export function yamlScalar(s: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9._/-]*$/.test(s) || /^[0-9][A-Za-z0-9._/-]*[A-Za-z_/-][A-Za-z0-9._/-]*$/.test(s);
  const special =
    /^(y|yes|n|no|true|false|on|off|null|~)$/i.test(s) ||
    /^[-+]?(\.inf|\.nan|0x[0-9a-f]+|[0-9][0-9_]*(\.[0-9]*)?(e[-+]?[0-9]+)?)$/i.test(s);
  return plain && !special ? s : JSON.stringify(s);
}

interface Line {
  /** Levels of indentation below the map's own keys. */
  depth: number;
  text: string;
}

/** Text edits built against the model's source, in its own indentation. */
class Edits {
  readonly list: TextEdit[] = [];

  constructor(private readonly model: DocumentModel) {}

  replace(start: number, end: number, text: string): void {
    this.list.push({ range: this.range(start, end), newText: text });
  }

  /** Adds entries (each a key with nested lines) to a mapping, before its first key or inside a flow map. */
  insertPairs(map: YAMLMap, entries: Line[][]): boolean {
    if (map.flow) {
      if (entries.some((lines) => lines.length !== 1)) return false;
      const r = map.range;
      if (!r) return false;
      const close = this.model.text.lastIndexOf('}', r[1]);
      if (close < r[0]) return false;
      const sep = map.items.length > 0 ? ', ' : '';
      this.list.push({ range: this.range(close, close), newText: sep + entries.map((l) => l[0]!.text).join(', ') });
      return true;
    }
    const first = map.items[0] as Pair | undefined;
    const key = first?.key as YamlNode | undefined;
    if (!key?.range) return false;
    const pos = this.model.lines.positionAt(key.range[0]);
    const lineStart = this.model.lines.lineStart(pos.line);
    const before = this.model.text.slice(lineStart, key.range[0]);
    const indent = ' '.repeat(pos.character);
    const step = ' '.repeat(indentStep(this.model, map));
    const text = entries
      .flat()
      .map((l) => indent + step.repeat(l.depth) + l.text)
      .join('\n');
    if (/^[ \t]*$/.test(before)) {
      this.list.push({ range: this.range(lineStart, lineStart), newText: `${text}\n` });
    } else {
      // The first key shares its line with a "- " of a list: insert right after that key's line.
      const lineEnd = this.model.lines.lineStart(pos.line + 1);
      const atEnd = lineEnd <= lineStart || lineEnd > this.model.text.length ? this.model.text.length : lineEnd;
      const prefix = atEnd === this.model.text.length && !this.model.text.endsWith('\n') ? '\n' : '';
      this.list.push({ range: this.range(atEnd, atEnd), newText: `${prefix}${text}\n` });
    }
    return true;
  }

  private range(start: number, end: number): Range {
    return { start: this.model.lines.positionAt(start), end: this.model.lines.positionAt(end) };
  }
}

/** The document's indentation step: how much deeper a nested block mapping's keys sit. */
function indentStep(model: DocumentModel, map: YAMLMap): number {
  const queue: YAMLMap[] = [map];
  while (queue.length > 0) {
    const m = queue.shift()!;
    for (const p of m.items) {
      const key = p.key as YamlNode | undefined;
      const value = p.value;
      if (!key?.range || !isMap(value) || value.flow || value.items.length === 0) continue;
      const child = value.items[0]!.key as YamlNode | undefined;
      if (!child?.range) continue;
      const step = model.lines.positionAt(child.range[0]).character - model.lines.positionAt(key.range[0]).character;
      if (step > 0) return step;
      queue.push(value);
    }
  }
  return 2;
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) =>
    p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
