// Diagnostics from the last cluster snapshot: what the placement engine predicts for each
// DaemonSet, turned into findings on the field responsible. Never errors: the API server accepts
// all of these manifests; they only behave differently than the author probably expects in this
// cluster. Every message names the cluster source, since another cluster may disagree.
import { DocumentModel, FieldPath, formatPath, ManifestObject, rangeOfPath, RangePart } from '../../model';
import { daemonPodTolerations, formatTaint, podRequests, cachedPlacement, toleratesTaint } from '../../placement';
import type {
  Container,
  DaemonSet,
  Node,
  NodeVerdict,
  PlacementResult,
  PodSpec,
  ResourceShortfall,
  Taint,
  Toleration,
} from '../../placement/types';
import type { ManifestDiagnostic, Severity } from '../../model/manifestDiagnostic';
import type { ClusterView, FeatureContext } from '../context';

export const POD_SPEC_PATH: FieldPath = ['spec', 'template', 'spec'];
export const TOLERATIONS_PATH: FieldPath = [...POD_SPEC_PATH, 'tolerations'];

/** What an untoleratedTaint diagnostic carries for its quick fix. */
export interface UntoleratedTaintData {
  taint: { key: string; value?: string; effect: string };
  /** The nodes this taint alone keeps the pod off (with it tolerated, the pod runs there). */
  nodes: string[];
}

/** What an insufficientResources diagnostic carries. */
export interface InsufficientResourcesData {
  nodes: Array<{ name: string; shortfalls: ResourceShortfall[] }>;
}

/** Node names listed in a message before "…". */
const MAX_NAMES = 4;

// Taints the node lifecycle controller and the kubelet set for a node's state (not-ready,
// pressure, cordoned, …), plus the cloud provider's start-up taint: a toleration for them is
// there for the day the node gets them, so "unused today" says nothing.
const TRANSIENT_TAINT_PREFIX = 'node.kubernetes.io/';
const CLOUD_UNINITIALIZED = 'node.cloudprovider.kubernetes.io/uninitialized';

export function clusterDiagnostics(model: DocumentModel, ctx: FeatureContext): ManifestDiagnostic[] {
  const cluster = ctx.cluster;
  if (!cluster || model.skipped) return [];
  const nodes = Array.isArray(cluster.state.nodes) ? cluster.state.nodes : [];
  // An empty cluster predicts nothing useful: every DaemonSet "runs nowhere".
  if (nodes.length === 0) return [];
  const out: ManifestDiagnostic[] = [];
  for (const obj of model.daemonSets) {
    if (obj.templated || obj.document.errors.length > 0) continue;
    const value = obj.value;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
    const ds = value as DaemonSet;
    const podSpec = ds.spec?.template?.spec;
    // Without a pod template there is nothing to place (a kustomize patch, or a manifest being written).
    if (typeof podSpec !== 'object' || podSpec === null || Array.isArray(podSpec)) continue;
    // Shared with the CodeLens and the placement answer: one engine run per snapshot.
    const result = cachedPlacement(ds, cluster.state)!;
    const report = reporter(obj, out);
    checkNoNodes(report, result, cluster);
    checkUntoleratedTaints(report, podSpec, result, nodes, cluster);
    checkUnusedTolerations(report, podSpec, nodes, cluster);
    checkResources(report, podSpec, result, cluster);
    if (ctx.settings.diagnostics.bestPractices !== false) checkWindowsNodes(report, podSpec, result, nodes, cluster);
  }
  return out;
}

type Report = (
  code: string,
  severity: Severity,
  path: FieldPath,
  message: string,
  opts?: { part?: RangePart; rangePath?: FieldPath; data?: unknown },
) => void;

function reporter(obj: ManifestObject, out: ManifestDiagnostic[]): Report {
  return (code, severity, path, message, { part = 'key', rangePath = path, data } = {}) => {
    // rangeOfPath's 'pair' gives the value alone for an existing field: join key and value here.
    const [start, end] =
      part === 'pair'
        ? [rangeOfPath(obj, rangePath, 'key')[0], rangeOfPath(obj, rangePath, 'value')[1]]
        : rangeOfPath(obj, rangePath, part);
    const d: ManifestDiagnostic = { code, severity, message, path: formatPath(path), start, end };
    if (data !== undefined) d.data = data;
    out.push(d);
  };
}

// --- windowsNodesWithoutOsSelector (a best practice: its rules.ts entry documents it) ---

const OS_LABEL = 'kubernetes.io/os';

/**
 * The controller creates a daemon pod on a Windows node whenever nothing selects the OS; a Linux
 * image never starts there. Said when the cluster has such a node and the prediction runs the pod
 * on it, and the pod neither names an os (spec.os) nor selects kubernetes.io/os.
 */
function checkWindowsNodes(
  report: Report,
  podSpec: PodSpec,
  result: PlacementResult,
  nodes: readonly Node[],
  cluster: ClusterView,
): void {
  const p = podSpec as Record<string, unknown>;
  const os = p['os'] as { name?: unknown } | undefined;
  if (os && typeof os === 'object' && typeof os.name === 'string') return;
  const selector = p['nodeSelector'];
  if (selector && typeof selector === 'object' && Object.prototype.hasOwnProperty.call(selector, OS_LABEL)) return;
  if (JSON.stringify(p['affinity'] ?? null).includes(`"${OS_LABEL}"`)) return;
  const windowsNodes = new Set(
    nodes.filter((n) => n.metadata?.labels?.[OS_LABEL] === 'windows').map((n) => n.metadata?.name ?? ''),
  );
  const windows = result.nodes.filter((v) => v.shouldRun && windowsNodes.has(v.name)).map((v) => v.name);
  if (windows.length === 0) return;
  const names = windows.slice(0, MAX_NAMES).join(', ') + (windows.length > MAX_NAMES ? ', …' : '');
  report(
    'windowsNodesWithoutOsSelector',
    'warning', // its rules.ts entry's severity (test/unit/rules checks they agree; features do not import each other)
    [...POD_SPEC_PATH, 'containers'],
    `${windows.length} Windows ${plural(windows.length, 'node')} in ${cluster.source} (${names}) would get this pod: nothing selects ${OS_LABEL}, and a Linux image never starts there; add nodeSelector ${OS_LABEL}: linux`,
    { data: { nodes: windows } },
  );
}

// --- placementNoNodes -------------------------------------------------------------------

function checkNoNodes(report: Report, result: PlacementResult, cluster: ClusterView): void {
  if (result.desired > 0 || result.nodes.length === 0) return;
  const total = result.nodes.length;
  const byReason = new Map<string, NodeVerdict[]>();
  for (const v of result.nodes) {
    const list = byReason.get(v.reason) ?? [];
    list.push(v);
    byReason.set(v.reason, list);
  }
  const parts = [...byReason.entries()].map(([reason, list]) => {
    const first = list[0] as NodeVerdict;
    return `${list.length} excluded by ${REASON_WORDS[reason] ?? reason} (e.g. ${first.name || '(unnamed)'}: ${first.detail})`;
  });
  const message = `The DaemonSet runs on none of the ${total} ${plural(total, 'node')} in ${cluster.source}: ${parts.join('; ')}.`;
  report('placementNoNodes', 'warning', responsiblePath(result.nodes), message);
}

const REASON_WORDS: Record<string, string> = {
  nodeName: 'nodeName',
  nodeSelector: 'nodeSelector',
  nodeAffinity: 'node affinity',
  taint: 'a taint',
};

/** The deepest field every verdict points into, or `kind` when they disagree. */
function responsiblePath(verdicts: readonly NodeVerdict[]): FieldPath {
  let prefix: FieldPath | undefined;
  for (const v of verdicts) {
    if (!v.path) return ['kind'];
    if (prefix === undefined) {
      prefix = v.path;
      continue;
    }
    let n = 0;
    while (n < prefix.length && n < v.path.length && prefix[n] === v.path[n]) n++;
    prefix = prefix.slice(0, n);
  }
  // Deeper than the pod spec: the verdicts agree on a field (nodeSelector, affinity, tolerations).
  return prefix !== undefined && prefix.length > POD_SPEC_PATH.length ? prefix : ['kind'];
}

// --- untoleratedTaint -------------------------------------------------------------------

function checkUntoleratedTaints(
  report: Report,
  podSpec: PodSpec,
  result: PlacementResult,
  nodes: readonly Node[],
  cluster: ClusterView,
): void {
  const tolerations = daemonPodTolerations(podSpec);
  const groups = new Map<string, { taint: Taint; nodes: string[]; alsoBlocked: number }>();
  result.nodes.forEach((v, i) => {
    // Only nodes the selector and affinity accept: there, taints alone keep the pod off.
    if (v.reason !== 'taint') return;
    const untolerated = blockingTaints(nodes[i], tolerations);
    for (const taint of untolerated) {
      const text = formatTaint(taint);
      let g = groups.get(text);
      if (!g) groups.set(text, (g = { taint, nodes: [], alsoBlocked: 0 }));
      g.nodes.push(v.name);
      if (untolerated.length > 1) g.alsoBlocked++;
    }
  });
  const path = Array.isArray(podSpec.tolerations) ? TOLERATIONS_PATH : POD_SPEC_PATH;
  for (const [text, g] of groups) {
    const n = g.nodes.length;
    let message = `Taint \`${text}\` keeps the pod off ${n} ${plural(n, 'node')} in ${cluster.source} (${names(g.nodes)})`;
    message +=
      g.alsoBlocked > 0 ? `; ${g.alsoBlocked} of them also need another toleration.` : '; tolerate it to run there.';
    const taint: UntoleratedTaintData['taint'] = { key: g.taint.key, effect: g.taint.effect };
    if (typeof g.taint.value === 'string' && g.taint.value !== '') taint.value = g.taint.value;
    const data: UntoleratedTaintData = { taint, nodes: g.nodes };
    // A taint for the node's state (not-ready, pressure) lasts as long as that state: worth knowing, not a warning.
    const severity: Severity = g.taint.key.startsWith(TRANSIENT_TAINT_PREFIX) ? 'info' : 'warning';
    report('untoleratedTaint', severity, path, message, { data });
  }
}

/** The node's NoSchedule/NoExecute taints that none of the pod's tolerations tolerates. */
function blockingTaints(node: Node | undefined, tolerations: readonly Toleration[]): Taint[] {
  const taints = node?.spec?.taints;
  if (!Array.isArray(taints)) return [];
  return taints.filter(
    (t) =>
      typeof t === 'object' &&
      t !== null &&
      typeof t.key === 'string' &&
      (t.effect === 'NoSchedule' || t.effect === 'NoExecute') &&
      !tolerations.some((tol) => toleratesTaint(tol, t)),
  );
}

// --- tolerationUnused -------------------------------------------------------------------

function checkUnusedTolerations(report: Report, podSpec: PodSpec, nodes: readonly Node[], cluster: ClusterView): void {
  const list = podSpec.tolerations;
  if (!Array.isArray(list)) return;
  const taints: Taint[] = [];
  const seen = new Set<string>();
  for (const node of nodes) {
    const nodeTaints = node?.spec?.taints;
    if (!Array.isArray(nodeTaints)) continue;
    for (const t of nodeTaints) {
      if (typeof t !== 'object' || t === null) continue;
      const text = formatTaint(t);
      if (!seen.has(text)) {
        seen.add(text);
        taints.push(t);
      }
    }
  }
  list.forEach((tol, i) => {
    if (typeof tol !== 'object' || tol === null || Array.isArray(tol)) return;
    const key = typeof tol.key === 'string' ? tol.key : '';
    if (key === '' && tol.operator === 'Exists') return; // catch-all: meant for any taint, present or not
    if (key.startsWith(TRANSIENT_TAINT_PREFIX) || key === CLOUD_UNINITIALIZED) return;
    if (taints.some((t) => toleratesTaint(tol, t))) return;
    const sameKey = taints.filter((t) => key !== '' && t.key === key).map((t) => `\`${formatTaint(t)}\``);
    let message = `This toleration matches no taint on the ${nodes.length} ${plural(nodes.length, 'node')} of ${cluster.source}`;
    message += sameKey.length > 0 ? `; the cluster has ${sameKey.join(', ')} (check value, operator and effect).` : '.';
    // On the `key: …` line (the item's first line) rather than the whole multi-line item.
    const itemPath: FieldPath = [...TOLERATIONS_PATH, i];
    const rangePath = key !== '' ? [...itemPath, 'key'] : itemPath;
    report('tolerationUnused', 'info', itemPath, message, { part: 'pair', rangePath });
  });
}

// --- insufficientResources --------------------------------------------------------------

function checkResources(report: Report, podSpec: PodSpec, result: PlacementResult, cluster: ClusterView): void {
  const short = result.nodes.filter(
    (v) => v.shouldRun && v.reason === 'insufficientResources' && v.shortfalls && v.shortfalls.length > 0,
  );
  if (short.length === 0) return;
  // The resource most nodes lack decides which container the finding sits on.
  const counts = new Map<string, number>();
  for (const v of short) for (const s of v.shortfalls ?? []) counts.set(s.resource, (counts.get(s.resource) ?? 0) + 1);
  let resource = '';
  let best = 0;
  for (const [r, c] of counts) if (c > best) [resource, best] = [r, c];
  const path = largestRequester(podSpec, resource) ?? (short[0] as NodeVerdict).path ?? POD_SPEC_PATH;
  const listed = short.slice(0, MAX_NAMES).map((v) => `${v.name || '(unnamed)'} (${v.detail})`);
  if (short.length > MAX_NAMES) listed.push(`… ${short.length - MAX_NAMES} more`);
  const n = short.length;
  const message = `The pod would stay Pending on ${n} of ${result.desired} ${plural(result.desired, 'node')} in ${cluster.source} for lack of resources: ${listed.join('; ')}.`;
  const data: InsufficientResourcesData = {
    nodes: short.map((v) => ({ name: v.name, shortfalls: v.shortfalls ?? [] })),
  };
  report('insufficientResources', 'warning', path, message, { data });
}

/** `resources` of the container (or init container) requesting most of `resource`. */
function largestRequester(podSpec: PodSpec, resource: string): FieldPath | undefined {
  if (resource === '' || resource === 'pods') return undefined;
  let best: { path: FieldPath; amount: number } | undefined;
  for (const list of ['containers', 'initContainers'] as const) {
    const containers = podSpec[list];
    if (!Array.isArray(containers)) continue;
    containers.forEach((c: Container, i) => {
      if (typeof c !== 'object' || c === null) return;
      // podRequests applies the API's defaulting (limits become missing requests).
      const amount = podRequests({ containers: [c] })[resource] ?? 0;
      if (amount > 0 && (best === undefined || amount > best.amount))
        best = { path: [...POD_SPEC_PATH, list, i, 'resources'], amount };
    });
  }
  return best?.path;
}

// --- helpers ----------------------------------------------------------------------------

function names(list: readonly string[]): string {
  const shown = list.slice(0, MAX_NAMES).map((n) => n || '(unnamed)');
  return list.length > MAX_NAMES ? `${shown.join(', ')}, … ${list.length - MAX_NAMES} more` : shown.join(', ');
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
