// Cluster hover: on the fields that pick nodes (nodeSelector and its entries, node-affinity terms
// and their requirements, tolerations), which nodes of the last cluster snapshot they match or
// which taints they tolerate. Returns only this section; the server merges it with the schema
// hover. Every match goes through the placement engine's building blocks, never a second copy.
import type { Hover } from 'vscode-languageserver';
import {
  DocumentModel,
  FieldPath,
  locate,
  ManifestObject,
  nodeAtPath,
  overlapsTemplates,
  startsWith,
  toRange,
} from '../../model';
import {
  compileNodeSelector,
  compileRequiredAffinity,
  compileTerm,
  daemonPodTolerations,
  formatTaint,
  isControllerToleration,
  matchesNodeSelector,
  matchesNodeSelectorTerm,
  nodeLabelsAndName,
  requiredAffinityMatches,
  toleratesTaint,
} from '../../placement';
import type { Node, NodeSelectorTerm, PodSpec, Taint, Toleration } from '../../placement/types';
import { markdownCode, markdownText } from '../../text/escape';
import type { ClusterView, FeatureContext } from '../context';

const POD_SPEC = ['spec', 'template', 'spec'] as const;
const NODE_AFFINITY = [...POD_SPEC, 'affinity', 'nodeAffinity'] as const;
const REQUIRED = 'requiredDuringSchedulingIgnoredDuringExecution';
const PREFERRED = 'preferredDuringSchedulingIgnoredDuringExecution';
/** Node names listed before "…". */
const MAX_NAMES = 6;
/** Label values listed for one key. */
const MAX_VALUES = 8;

export function clusterHover(model: DocumentModel, offset: number, ctx: FeatureContext): Hover | null {
  const cluster = ctx.cluster;
  if (!cluster) return null;
  const loc = locate(model, offset);
  if (!loc || loc.object.kind !== 'DaemonSet' || !startsWith(loc.path, POD_SPEC)) return null;
  const target = targetOf(loc.path);
  if (!target) return null;
  const node = nodeAtPath(loc.object, target.path);
  const range = node?.range;
  // A field whose text is (partly) a Helm template has no value we can trust.
  if (range && overlapsTemplates(model, range[0], range[2])) return null;
  const value = valueAt(loc.object, target.path);
  const markdown = describe(target, value, loc.object, cluster);
  if (markdown === undefined) return null;
  const hovered = loc.node?.range;
  return {
    contents: { kind: 'markdown', value: markdown },
    ...(hovered ? { range: toRange(model, hovered[0], hovered[1]) } : {}),
  };
}

type TargetKind =
  | 'nodeSelector'
  | 'nodeSelectorEntry'
  | 'requiredAffinity'
  | 'term'
  | 'preferredTerm'
  | 'expression'
  | 'field'
  | 'tolerations'
  | 'toleration';

interface Target {
  kind: TargetKind;
  /** The path of the thing described (the entry, the term, the toleration). */
  path: FieldPath;
  /** For nodeSelector entries: the label key. */
  key?: string;
}

/** What the cursor's path is about, or undefined when it is not a node-picking field. */
function targetOf(path: FieldPath): Target | undefined {
  const rest = path.slice(POD_SPEC.length);
  const head = rest[0];
  if (head === 'nodeSelector') {
    if (rest.length === 1) return { kind: 'nodeSelector', path: path.slice(0, POD_SPEC.length + 1) };
    const key = rest[1];
    return typeof key === 'string'
      ? { kind: 'nodeSelectorEntry', path: path.slice(0, POD_SPEC.length + 2), key }
      : undefined;
  }
  if (head === 'tolerations') {
    if (rest.length === 1) return { kind: 'tolerations', path: path.slice(0, POD_SPEC.length + 1) };
    return typeof rest[1] === 'number' ? { kind: 'toleration', path: path.slice(0, POD_SPEC.length + 2) } : undefined;
  }
  if (!startsWith(path, NODE_AFFINITY) || path.length === NODE_AFFINITY.length) return undefined;
  // One requirement inside a term (required or preferred): matchExpressions[j] / matchFields[j].
  for (const list of ['matchExpressions', 'matchFields'] as const) {
    const at = path.indexOf(list, NODE_AFFINITY.length);
    if (at >= 0 && typeof path[at + 1] === 'number') {
      return { kind: list === 'matchExpressions' ? 'expression' : 'field', path: path.slice(0, at + 2) };
    }
  }
  const a = path.slice(NODE_AFFINITY.length);
  if (a[0] === REQUIRED) {
    if (a.length <= 2) return { kind: 'requiredAffinity', path: [...NODE_AFFINITY, REQUIRED] };
    if (a[1] === 'nodeSelectorTerms' && typeof a[2] === 'number')
      return { kind: 'term', path: path.slice(0, NODE_AFFINITY.length + 3) };
    return undefined;
  }
  if (a[0] === PREFERRED && typeof a[1] === 'number' && a[2] === 'preference') {
    return { kind: 'preferredTerm', path: path.slice(0, NODE_AFFINITY.length + 3) };
  }
  return undefined;
}

function describe(target: Target, value: unknown, obj: ManifestObject, cluster: ClusterView): string | undefined {
  const nodes = cluster.state.nodes ?? [];
  const source = markdownText(cluster.source);
  if (nodes.length === 0) return `**Cluster:** ${source} has no nodes.`;
  switch (target.kind) {
    case 'nodeSelector':
      return nodeSelectorMarkdown(value, nodes, source);
    case 'nodeSelectorEntry':
      return nodeSelectorEntryMarkdown(target.key as string, value, nodes, source);
    case 'requiredAffinity':
      return requiredAffinityMarkdown(value, nodes, source);
    case 'term':
      return termMarkdown('this term', value, nodes, source);
    case 'preferredTerm':
      return (
        termMarkdown('this preference', value, nodes, source) +
        '\n\nPreferred affinity only ranks nodes: it never keeps a DaemonSet pod off a node.'
      );
    case 'expression':
    case 'field':
      return requirementMarkdown(target.kind, value, nodes, source);
    case 'toleration':
      return tolerationMarkdown(value, nodes, source);
    case 'tolerations':
      return tolerationsMarkdown(valueAt(obj, POD_SPEC) as PodSpec | undefined, nodes, source);
  }
}

// --- nodeSelector -----------------------------------------------------------------------

function nodeSelectorMarkdown(value: unknown, nodes: readonly Node[], source: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  const compiled = compileNodeSelector(value);
  if (compiled.invalid !== undefined) {
    return `**Cluster:** nodeSelector matches no node: it must be a map of label to string value (source: ${source})`;
  }
  const matched = nodes.filter((n) => matchesNodeSelector(value as Record<string, string>, n));
  return `**Cluster:** nodeSelector ${matchLine(matched, nodes, source)}`;
}

function nodeSelectorEntryMarkdown(key: string, value: unknown, nodes: readonly Node[], source: string): string {
  const lines: string[] = [];
  if (typeof value !== 'string') {
    lines.push(
      `**Cluster:** ${markdownCode(key)} matches no node: its value must be a string (quote it) (source: ${source})`,
    );
  } else {
    const matched = nodes.filter((n) => matchesNodeSelector({ [key]: value }, n));
    lines.push(`**Cluster:** ${markdownCode(`${key}=${value}`)} ${matchLine(matched, nodes, source)}`);
  }
  lines.push(labelStats(key, nodes));
  return lines.join('\n\n');
}

// --- node affinity ----------------------------------------------------------------------

function requiredAffinityMarkdown(value: unknown, nodes: readonly Node[], source: string): string | undefined {
  if (value === undefined) return undefined;
  const compiled = compileRequiredAffinity({ [REQUIRED]: value });
  if (compiled.malformed !== undefined)
    return `**Cluster:** required node affinity matches no node: ${markdownText(compiled.malformed)} (source: ${source})`;
  const matched = nodes.filter((n) => {
    const { labels, name } = nodeLabelsAndName(n);
    return requiredAffinityMatches(compiled, labels, name);
  });
  const terms = compiled.terms.length;
  const what = terms === 1 ? 'required node affinity (1 term)' : `required node affinity (any of ${terms} terms)`;
  return `**Cluster:** ${what} ${matchLine(matched, nodes, source)}`;
}

function termMarkdown(what: string, value: unknown, nodes: readonly Node[], source: string): string {
  const compiled = compileTerm(value, 0);
  if (compiled === undefined) return `**Cluster:** ${what} is empty, so it matches no node (source: ${source})`;
  const problem = compiled.problems[0];
  if (problem !== undefined)
    return `**Cluster:** ${what} is invalid and matches no node: ${markdownText(problem.text)} (source: ${source})`;
  const matched = nodes.filter((n) => matchesNodeSelectorTerm(value as NodeSelectorTerm, n));
  return `**Cluster:** ${what} ${matchLine(matched, nodes, source)}`;
}

function requirementMarkdown(
  kind: 'expression' | 'field',
  value: unknown,
  nodes: readonly Node[],
  source: string,
): string {
  const term: NodeSelectorTerm =
    kind === 'expression' ? { matchExpressions: [value as never] } : { matchFields: [value as never] };
  const compiled = compileTerm(term, 0);
  const lines: string[] = [];
  const problem = compiled?.problems[0];
  if (problem !== undefined) {
    lines.push(
      `**Cluster:** this requirement is invalid and matches no node: ${markdownText(problem.text)} (source: ${source})`,
    );
  } else {
    const matched = nodes.filter((n) => matchesNodeSelectorTerm(term, n));
    lines.push(`**Cluster:** ${markdownCode(renderRequirement(value))} ${matchLine(matched, nodes, source)}`);
  }
  const key = (value as { key?: unknown } | null)?.key;
  if (kind === 'expression' && typeof key === 'string') lines.push(labelStats(key, nodes));
  return lines.join('\n\n');
}

function renderRequirement(value: unknown): string {
  const r = (value ?? {}) as { key?: unknown; operator?: unknown; values?: unknown };
  const values = Array.isArray(r.values) ? ` [${r.values.map(String).join(', ')}]` : '';
  return `${String(r.key ?? '')} ${String(r.operator ?? '')}${values}`;
}

/** "7 of 9 nodes have label `k`: values `a` (5), `b` (2)". */
function labelStats(key: string, nodes: readonly Node[]): string {
  const counts = new Map<string, number>();
  let having = 0;
  for (const n of nodes) {
    const { labels } = nodeLabelsAndName(n);
    if (!Object.hasOwn(labels, key)) continue;
    having++;
    const v = labels[key] as string;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  if (having === 0) return `No node has the label ${markdownCode(key)}.`;
  const values = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const shown = values.slice(0, MAX_VALUES).map(([v, c]) => `${v === '' ? '`""`' : markdownCode(v)} (${c})`);
  if (values.length > MAX_VALUES) shown.push(`… ${values.length - MAX_VALUES} more`);
  return `${having} of ${nodes.length} ${plural(nodes.length, 'node')} have the label ${markdownCode(key)}; values: ${shown.join(', ')}.`;
}

// --- tolerations ------------------------------------------------------------------------

interface ClusterTaint {
  taint: Taint;
  nodes: string[];
}

/** The distinct taints of the cluster (by key, value and effect), with the nodes carrying each. */
function clusterTaints(nodes: readonly Node[]): ClusterTaint[] {
  const byText = new Map<string, ClusterTaint & { names: Set<string> }>();
  for (const n of nodes) {
    const taints = n?.spec?.taints;
    if (!Array.isArray(taints)) continue;
    const { name } = nodeLabelsAndName(n);
    for (const taint of taints) {
      if (typeof taint !== 'object' || taint === null) continue;
      const text = formatTaint(taint);
      let entry = byText.get(text);
      if (!entry) byText.set(text, (entry = { taint, nodes: [], names: new Set() }));
      if (!entry.names.has(name)) {
        entry.names.add(name);
        entry.nodes.push(name);
      }
    }
  }
  return [...byText.values()];
}

function tolerationMarkdown(value: unknown, nodes: readonly Node[], source: string): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const tol = value as Toleration;
  const taints = clusterTaints(nodes);
  const tolerated = taints.filter((t) => toleratesTaint(tol, t.taint));
  const lines: string[] = [];
  const catchAll =
    tol.operator === 'Exists' && !tol.key ? ' (no key with `operator: Exists`: it tolerates every taint)' : '';
  if (taints.length === 0) {
    lines.push(
      `**Cluster:** no node carries a taint, so this toleration changes nothing today${catchAll} (source: ${source})`,
    );
    return lines.join('\n\n');
  }
  if (tolerated.length === 0) {
    lines.push(
      `**Cluster:** this toleration matches none of the ${taints.length} distinct ${plural(taints.length, 'taint')} in the cluster (source: ${source})`,
    );
    lines.push(`Taints present: ${taints.map((t) => markdownCode(formatTaint(t.taint))).join(', ')}`);
    return lines.join('\n\n');
  }
  const nodeNames = new Set(tolerated.flatMap((t) => t.nodes));
  lines.push(
    `**Cluster:** tolerates ${tolerated.length} of ${taints.length} distinct ${plural(taints.length, 'taint')}, on ${nodeNames.size} of ${nodes.length} ${plural(nodes.length, 'node')}${catchAll} (source: ${source})`,
  );
  lines.push(
    tolerated
      .map(
        (t) =>
          `- ${markdownCode(formatTaint(t.taint))} on ${t.nodes.length} ${plural(t.nodes.length, 'node')}: ${names(t.nodes)}`,
      )
      .join('\n'),
  );
  return lines.join('\n\n');
}

/** On the `tolerations` key: every taint in the cluster and what tolerates it. */
function tolerationsMarkdown(podSpec: PodSpec | undefined, nodes: readonly Node[], source: string): string {
  const taints = clusterTaints(nodes);
  if (taints.length === 0) return `**Cluster:** no node carries a taint (source: ${source})`;
  const own = Array.isArray(podSpec?.tolerations) ? podSpec.tolerations : [];
  const all = daemonPodTolerations(podSpec);
  const rows = taints.map((t) => {
    const by = all.find((tol) => toleratesTaint(tol, t.taint));
    let verdict: string;
    if (by === undefined) verdict = 'not tolerated';
    else if (isControllerToleration(by)) verdict = 'tolerated by the DaemonSet controller';
    else verdict = `tolerated by item ${own.indexOf(by)}`;
    return `- ${markdownCode(formatTaint(t.taint))} (${t.nodes.length} ${plural(t.nodes.length, 'node')}: ${names(t.nodes)}): ${verdict}`;
  });
  return `**Cluster:** ${taints.length} distinct ${plural(taints.length, 'taint')} in the cluster (source: ${source})\n\n${rows.join('\n')}`;
}

// --- helpers ----------------------------------------------------------------------------

/** "matches 4 of 9 nodes: a, b, c, d (source: example cluster)". */
function matchLine(matched: readonly Node[], nodes: readonly Node[], source: string): string {
  const total = `${matched.length} of ${nodes.length} ${plural(nodes.length, 'node')}`;
  const list = matched.length > 0 ? `: ${names(matched.map((n) => nodeLabelsAndName(n).name))}` : '';
  return `matches ${total}${list} (source: ${source})`;
}

function names(list: readonly string[]): string {
  const shown = list.slice(0, MAX_NAMES).map((n) => (n ? markdownText(n) : '(unnamed)'));
  return list.length > MAX_NAMES ? `${shown.join(', ')}, … ${list.length - MAX_NAMES} more` : shown.join(', ');
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

/** The plain value at a path inside the object's data (YAML 1.1 values), or undefined. */
function valueAt(obj: ManifestObject, path: FieldPath): unknown {
  let cur: unknown = obj.value;
  for (const seg of path) {
    if (typeof seg === 'number') {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[seg];
    } else {
      if (typeof cur !== 'object' || cur === null || Array.isArray(cur) || !Object.hasOwn(cur, seg)) return undefined;
      cur = (cur as Record<string, unknown>)[seg];
    }
  }
  return cur;
}
