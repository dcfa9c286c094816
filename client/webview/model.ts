// The panel's view model: verdict words, filtering and grouping over a PlacementResponse.
// No DOM here, so it is tested in Node (test/browser/model.test.ts) and stays fast enough for
// 100,000 nodes: one pass to prepare, one pass per filter or group-by change.
import type { ClusterNodesTable, PlacementResponse } from '../../protocol';
import type { NodeVerdict } from '../../protocol';

export type VerdictKind = 'runs' | 'pending' | 'runsEvicted' | 'keeps' | 'removed';

/** The verdict column (short, filterable). */
export const VERDICT_LABEL: Readonly<Record<VerdictKind, string>> = {
  runs: 'Runs',
  pending: 'Pending',
  runsEvicted: 'Runs but would be evicted',
  keeps: 'Not scheduled',
  removed: 'Not scheduled',
};

/** The verdict's tooltip: what the controller does with a pod that is already on the node. */
export const VERDICT_DESCRIPTION: Readonly<Record<VerdictKind, string>> = {
  runs: 'The DaemonSet controller creates a pod on this node and the scheduler binds it.',
  pending: 'The DaemonSet controller creates a pod on this node, but the scheduler leaves it Pending.',
  runsEvicted: 'A pod is created on this node, but it would be evicted (NoExecute).',
  keeps: 'No new pod on this node; a daemon pod already running here keeps running.',
  removed: 'No pod on this node; a daemon pod already running here would be deleted.',
};

const KINDS: readonly VerdictKind[] = ['runs', 'pending', 'runsEvicted', 'keeps', 'removed'];

/**
 * The DaemonSet controller decides two things per node (NodeShouldRunDaemonPod): whether to
 * create a pod (shouldRun) and whether an existing one may stay (shouldContinueRunning: false for
 * untolerated NoExecute taints and for nodeName/affinity mismatches). The scheduler may then
 * leave a created pod Pending.
 */
export function verdictKind(v: Pick<NodeVerdict, 'shouldRun' | 'shouldContinueRunning' | 'pending'>): VerdictKind {
  if (v.shouldRun) {
    if (!v.shouldContinueRunning) return 'runsEvicted';
    return v.pending ? 'pending' : 'runs';
  }
  return v.shouldContinueRunning ? 'keeps' : 'removed';
}

/** Which of the `kubectl get ds` columns a verdict counts towards. */
export function countsAs(kind: VerdictKind): 'run' | 'pending' | 'excluded' {
  if (kind === 'pending') return 'pending';
  return kind === 'runs' || kind === 'runsEvicted' ? 'run' : 'excluded';
}

const REASON_FALLBACK: Readonly<Record<string, string>> = {
  ok: 'every check passes',
  nodeName: 'spec.nodeName names another node',
  nodeSelector: 'the nodeSelector does not match the node labels',
  nodeAffinity: 'the required node affinity does not match',
  taint: 'a taint on the node is not tolerated',
  insufficientResources: 'the node does not have enough free resources',
  hostPort: 'a host port is already taken on the node',
};

/** The reason in plain words: the engine's `detail`, then notes that did not change the verdict. */
export function reasonText(v: Pick<NodeVerdict, 'reason' | 'detail' | 'notes'>): string {
  const detail =
    typeof v.detail === 'string' && v.detail !== '' ? v.detail : (REASON_FALLBACK[v.reason] ?? String(v.reason ?? ''));
  const notes = Array.isArray(v.notes) ? v.notes.filter((n) => typeof n === 'string' && n !== '') : [];
  return notes.length ? `${detail} (${notes.join('; ')})` : detail;
}

/** Group-by keys offered first when present, in this order. */
export const WELL_KNOWN_GROUP_KEYS: readonly string[] = [
  'topology.kubernetes.io/zone',
  'node.kubernetes.io/instance-type',
  'kubernetes.io/arch',
  'kubernetes.io/os',
  'topology.kubernetes.io/region',
];

/** Node pool labels of the common managed clusters and autoscalers. */
export const POOL_LABEL_KEYS: readonly string[] = [
  'cloud.google.com/gke-nodepool',
  'eks.amazonaws.com/nodegroup',
  'alpha.eksctl.io/nodegroup-name',
  'kubernetes.azure.com/agentpool',
  'karpenter.sh/nodepool',
  'doks.digitalocean.com/node-pool',
  'node.kubernetes.io/pool',
  'nodepool',
  'pool',
];

/** More distinct label keys than this are not offered (a hostile or huge cluster stays usable). */
export const MAX_GROUP_KEYS = 200;

export interface Prepared {
  response: PlacementResponse;
  /** Nodes in the answer. */
  count: number;
  kinds: Uint8Array;
  /** Reason text per node (shared strings in a compact answer). */
  reasons: string[];
  names: ReadonlyArray<string>;
  /** Label maps by node index (empty when the server sent none). */
  labels: ReadonlyArray<Readonly<Record<string, string>>>;
  /** The manifest range behind each node's verdict, for "reveal the responsible line". */
  ranges: ReadonlyArray<LspRangeLike | undefined>;
  /** Lower-cased "name labels verdict reason", built on the first filter. */
  search?: string[];
  /** Per-kind totals over all nodes. */
  totals: Record<'run' | 'pending' | 'excluded', number>;
}

type LspRangeLike = NonNullable<NonNullable<PlacementResponse['rows']>[number]['range']>;

const EMPTY: Readonly<Record<string, string>> = Object.freeze({});

/**
 * One pass over the answer. A compact answer (`verdicts`, the panel's form) is read against
 * the nodes table of its snapshot (`table`, sent once per snapshot): kind and reason are
 * worked out once per distinct verdict, and names and labels are the table's own arrays.
 */
export function prepare(response: PlacementResponse, table?: ClusterNodesTable): Prepared {
  const totals = { run: 0, pending: 0, excluded: 0 };
  const compact = response.verdicts;
  if (compact && typeof compact === 'object' && Array.isArray(compact.table) && Array.isArray(compact.index)) {
    const usable =
      table !== undefined && table.key === response.nodesKey && table.names.length === compact.index.length;
    const n = compact.index.length;
    const entryKind = new Uint8Array(compact.table.length);
    const entryReason = new Array<string>(compact.table.length);
    const entryRange = new Array<LspRangeLike | undefined>(compact.table.length);
    compact.table.forEach((v, k) => {
      entryKind[k] = KINDS.indexOf(verdictKind(v));
      entryReason[k] = reasonText(v);
      entryRange[k] = v.range;
    });
    const kinds = new Uint8Array(n);
    const reasons = new Array<string>(n);
    const ranges = new Array<LspRangeLike | undefined>(n);
    for (let i = 0; i < n; i++) {
      const k = compact.index[i];
      if (!(k >= 0 && k < entryKind.length)) continue; // a bad index: an empty row, not a crash
      kinds[i] = entryKind[k];
      reasons[i] = entryReason[k];
      ranges[i] = entryRange[k];
      totals[countsAs(KINDS[kinds[i]])]++;
    }
    const names = usable ? table.names : Array.from({ length: n }, (_, i) => `node ${i + 1}`);
    const labels = usable ? table.labels : new Array<Readonly<Record<string, string>>>(n).fill(EMPTY);
    return { response, count: n, kinds, reasons, names, labels, ranges, totals };
  }
  const nodes = Array.isArray(response.result?.nodes) ? response.result!.nodes : [];
  const rowsIn = Array.isArray(response.rows) ? response.rows : [];
  const kinds = new Uint8Array(nodes.length);
  const reasons = new Array<string>(nodes.length);
  const names = new Array<string>(nodes.length);
  const labels = new Array<Readonly<Record<string, string>>>(nodes.length);
  const ranges = new Array<LspRangeLike | undefined>(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    const v = nodes[i];
    const kind = verdictKind(v);
    kinds[i] = KINDS.indexOf(kind);
    totals[countsAs(kind)]++;
    reasons[i] = reasonText(v);
    const row = rowsIn[i];
    const name = v?.name ?? row?.name;
    names[i] = typeof name === 'string' ? name : String(name ?? '');
    labels[i] = row && typeof row.labels === 'object' && row.labels !== null ? row.labels : EMPTY;
    ranges[i] = row?.range;
  }
  return { response, count: nodes.length, kinds, reasons, names, labels, ranges, totals };
}

export function kindAt(p: Prepared, i: number): VerdictKind {
  return KINDS[p.kinds[i]];
}

export function nodeName(p: Prepared, i: number): string {
  const n = p.names[i];
  return typeof n === 'string' ? n : String(n ?? '');
}

function searchTexts(p: Prepared): string[] {
  if (p.search) return p.search;
  const out = new Array<string>(p.count);
  for (let i = 0; i < p.count; i++) {
    let s = nodeName(p, i);
    const l = p.labels[i];
    for (const k in l) s += ` ${k}=${l[k]}`;
    out[i] = `${s} ${VERDICT_LABEL[kindAt(p, i)]} ${p.reasons[i]}`.toLowerCase();
  }
  p.search = out;
  return out;
}

/** Whitespace-separated terms, all of which must occur in the name, a `key=value` label, the verdict or the reason. */
export function filterTerms(filter: string): string[] {
  return filter
    .toLowerCase()
    .split(/\s+/)
    .filter((t) => t !== '');
}

export function matchingNodes(p: Prepared, filter: string): number[] {
  const terms = filterTerms(filter);
  const n = p.count;
  const out: number[] = [];
  if (terms.length === 0) {
    for (let i = 0; i < n; i++) out.push(i);
    return out;
  }
  const texts = searchTexts(p);
  outer: for (let i = 0; i < n; i++) {
    const t = texts[i];
    for (const term of terms) if (!t.includes(term)) continue outer;
    out.push(i);
  }
  return out;
}

/** Label keys to offer for grouping: well-known and pool keys present, then the others by name. */
export function groupKeys(p: Prepared): string[] {
  const seen = new Set<string>();
  scan: for (const l of p.labels) {
    for (const k in l) {
      seen.add(k);
      // Unique keys per node (a generated or hostile cluster): stop counting, offer what we have.
      if (seen.size > 10 * MAX_GROUP_KEYS) break scan;
    }
  }
  const first = [...WELL_KNOWN_GROUP_KEYS, ...POOL_LABEL_KEYS].filter((k) => seen.has(k));
  const known = new Set(first);
  const rest = [...seen].filter((k) => !known.has(k)).sort();
  return [...first, ...rest].slice(0, MAX_GROUP_KEYS);
}

export interface Group {
  /** The label value, or null for nodes without the label. */
  value: string | null;
  members: number[];
  counts: Record<'run' | 'pending' | 'excluded', number>;
  collapsed: boolean;
}

export interface View {
  /** What the grid shows, top to bottom: a node index (>= 0) or a group header (-(group + 1)). */
  entries: Int32Array;
  groups: Group[];
  /** Nodes passing the filter. */
  matched: number;
}

export const NOT_SET_LABEL = '(label not set)';

export function groupLabel(g: Group): string {
  return g.value === null ? NOT_SET_LABEL : g.value === '' ? '(empty value)' : g.value;
}

const collator = new Intl.Collator(undefined, { numeric: true });

export function buildView(p: Prepared, filter: string, groupBy: string, collapsed: ReadonlySet<string>): View {
  const matched = matchingNodes(p, filter);
  if (!groupBy) return { entries: Int32Array.from(matched), groups: [], matched: matched.length };
  const byValue = new Map<string | null, Group>();
  for (const i of matched) {
    const l = p.labels[i];
    const value = Object.prototype.hasOwnProperty.call(l, groupBy) ? String(l[groupBy]) : null;
    let g = byValue.get(value);
    if (!g) {
      g = { value, members: [], counts: { run: 0, pending: 0, excluded: 0 }, collapsed: false };
      byValue.set(value, g);
    }
    g.members.push(i);
    g.counts[countsAs(kindAt(p, i))]++;
  }
  const groups = [...byValue.values()].sort((a, b) =>
    a.value === null ? 1 : b.value === null ? -1 : collator.compare(a.value, b.value),
  );
  let size = 0;
  for (const g of groups) {
    g.collapsed = collapsed.has(groupId(g));
    size += 1 + (g.collapsed ? 0 : g.members.length);
  }
  const entries = new Int32Array(size);
  let at = 0;
  groups.forEach((g, gi) => {
    entries[at++] = -(gi + 1);
    if (!g.collapsed) for (const i of g.members) entries[at++] = i;
  });
  return { entries, groups, matched: matched.length };
}

/** Stable id of a group across updates (null and '' differ). */
export function groupId(g: Pick<Group, 'value'>): string {
  return g.value === null ? '\u0000' : `=${g.value}`;
}

/** "3 run · 1 pending · 2 not scheduled" */
export function countsSummary(c: Record<'run' | 'pending' | 'excluded', number>): string {
  const parts = [`${c.run} run`];
  if (c.pending) parts.push(`${c.pending} pending`);
  if (c.excluded) parts.push(`${c.excluded} not scheduled`);
  return parts.join(' · ');
}

/** "just now", "42 s ago", "5 min ago", "3 h ago", "2 d ago"; "" when `iso` is not a time. */
export function relativeTime(iso: string | undefined, now: number): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const s = Math.round((now - t) / 1000);
  if (s < 5) return 'just now';
  if (s < 60) return `${s} s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.floor(h / 24)} d ago`;
}

/** Index into `daemonSets` of the object whose first line is the last one at or above `line`. */
export function daemonSetAtLine(daemonSets: ReadonlyArray<{ index: number; line: number }>, line: number): number {
  let best = -1;
  let bestLine = -1;
  for (const ds of daemonSets) {
    if (ds.line <= line && ds.line >= bestLine) {
      best = ds.index;
      bestLine = ds.line;
    }
  }
  return best === -1 && daemonSets.length ? daemonSets[0].index : best;
}
