// predictPlacement: for one DaemonSet and one cluster, node by node, what the DaemonSet
// controller decides (NodeShouldRunDaemonPod) and whether the scheduler would then leave the
// pod Pending (NodePorts, NodeResourcesFit).
//
// Order of checks, as Kubernetes runs them:
//   1. spec.template.spec.nodeName                  NodeShouldRunDaemonPod
//   2. nodeSelector, then required node affinity    nodeaffinity.GetRequiredNodeAffinity(pod).Match
//   3. NoSchedule/NoExecute taints vs tolerations   predicates → FindMatchingUntoleratedTaint,
//      (with the tolerations the controller adds)   util.AddOrUpdateDaemonPodTolerations
//   4. host ports, then resources                   default scheduler filter order: NodePorts
//                                                   runs before NodeResourcesFit
// Steps 1-3 decide shouldRun/shouldContinueRunning; step 4 only decides `pending` (the
// controller leaves resources and ports to the scheduler since 1.12).
//
// Pods already on a node count against it unless they are Succeeded/Failed (the scheduler's
// pod informer drops them) or belong to this DaemonSet: an ownerReference of kind DaemonSet
// naming it (by uid when both sides have one, else by name), or an orphan in its namespace
// matching spec.selector (matchLabels and matchExpressions), which the controller would adopt
// (PodControllerRefManager.ClaimPods). The prediction is for
// this DaemonSet's pod, so its own pods must not compete with it.

import type {
  ClusterState,
  DaemonSet,
  FieldPath,
  NodeVerdict,
  PlacementReason,
  PlacementResult,
  ResourceShortfall,
  Taint,
  Toleration,
} from './types';
import { asArray, asRecord, asString, isRecord, labelRecord, quantityEntry, show, type UnknownRecord } from './shape';
import {
  compileNodeSelector,
  describeNodeSelectorMismatch,
  firstNodeSelectorMismatch,
  type CompiledNodeSelector,
} from './nodeSelector';
import {
  affinityMismatchKey,
  compileRequiredAffinity,
  explainAffinityMismatch,
  requiredAffinityMatches,
  type CompiledRequiredAffinity,
  type NodeAffinityMismatch,
} from './nodeAffinity';
import { daemonPodTolerations, formatTaint, isControllerToleration, toleratesTaint } from './tolerations';
import {
  PodRequestCalculator,
  QuantityReader,
  formatAmount,
  nodeAllocatable,
  requestedResourceNames,
  resourceKind,
  resourceLabel,
  type InvalidQuantity,
} from './resources';
import { firstConflictWithPod, formatHostPort, podHostPorts, type HostPortClaim } from './hostPorts';
import { podIndexOf, type PodIndex } from './podIndex';
import {
  labelSelectorAsSelector,
  labelSelectorMatches,
  selectsEverything,
  type CompiledLabelSelector,
} from './labelSelector';

export const POD_SPEC_PATH: FieldPath = ['spec', 'template', 'spec'];
const TOLERATIONS_PATH: FieldPath = [...POD_SPEC_PATH, 'tolerations'];
const NODE_NAME_PATH: FieldPath = [...POD_SPEC_PATH, 'nodeName'];
const NODE_SELECTOR_PATH: FieldPath = [...POD_SPEC_PATH, 'nodeSelector'];

const NOTES: string[] = [];

const NOTE_PREFERRED =
  'preferred node affinity only ranks nodes for the scheduler; it never keeps a DaemonSet pod off a node';

/** Everything about the DaemonSet that does not depend on the node, computed once. */
interface CompiledDaemonSet {
  name: string | undefined;
  namespace: string | undefined;
  uid: string | undefined;
  /** spec.selector as LabelSelectorAsSelector makes it; undefined when it is invalid. */
  selector: CompiledLabelSelector | undefined;
  nodeName: string;
  nodeSelector: CompiledNodeSelector;
  /** spec.template.spec.nodeSelector.<key>, built once per key. */
  nodeSelectorPaths: Map<string, FieldPath>;
  /** Exclusion wordings already built: thousands of nodes fail the same way. */
  selectorDetails: Map<string, Map<string | undefined, string>>;
  affinityDetails: Map<string, NodeAffinityMismatch>;
  affinity: CompiledRequiredAffinity;
  tolerations: readonly Toleration[];
  /** Resources the pod requests (> 0) that the scheduler checks, with amounts and manifest paths. */
  resources: ReadonlyArray<{ name: string; amount: number; path: FieldPath | undefined }>;
  hostPorts: readonly HostPortClaim[];
  /** Facts about the manifest worth repeating on every node. */
  notes: readonly string[];
}

/**
 * What the pods already bound to each node add up to, for this DaemonSet: the snapshot's
 * DaemonSet-independent sums (podIndex.ts, built once per snapshot) minus this DaemonSet's own
 * pods, whether it already has a pod on a node, and the first pod holding a host port it wants.
 */
class NodeLoad {
  readonly nodeSlot: Int32Array;
  private readonly index: PodIndex | undefined;
  /** Own pods per slot (sparse): they neither compete with the DaemonSet's pod nor count. */
  private readonly ownPods = new Map<number, number[]>();
  private readonly ownUsed = new Map<number, Float64Array>();
  private readonly usedSums: Float64Array[];
  private readonly conflicts = new Map<number, { pod: UnknownRecord; port: number } | null>();

  constructor(
    nodes: readonly unknown[],
    pods: readonly unknown[],
    private readonly ds: CompiledDaemonSet,
    calculator: PodRequestCalculator,
  ) {
    if (pods.length === 0) {
      this.nodeSlot = new Int32Array(nodes.length).fill(-1);
      this.index = undefined;
      this.usedSums = [];
      return;
    }
    const index = podIndexOf(nodes, pods);
    this.index = index;
    this.nodeSlot = index.nodeSlot;
    this.usedSums = ds.resources.map((r) => index.usedOf(r.name));
    // Only pods that reference a DaemonSet of this name/uid, or orphans, can be its own.
    const scratch = new Float64Array(ds.resources.length);
    const seen = new Set<number>();
    const consider = (p: number): void => {
      const pod = asRecord(pods[p]) as UnknownRecord;
      if (!isOwnPod(pod, ds)) return;
      const slot = index.podSlot[p] as number;
      const list = this.ownPods.get(slot);
      if (list) list.push(p);
      else this.ownPods.set(slot, [p]);
      if (ds.resources.length > 0) {
        calculator.compute(asRecord(pod['spec']), scratch);
        let sums = this.ownUsed.get(slot);
        if (!sums) this.ownUsed.set(slot, (sums = new Float64Array(ds.resources.length)));
        for (let r = 0; r < scratch.length; r++) sums[r] = (sums[r] as number) + (scratch[r] as number);
      }
    };
    for (const key of [
      ds.uid !== undefined ? `uid:${ds.uid}` : undefined,
      ds.name !== undefined ? `name:${ds.name}` : undefined,
    ]) {
      for (const p of (key !== undefined ? index.byDaemonSetRef.get(key) : undefined) ?? []) {
        if (seen.has(p)) continue;
        seen.add(p);
        consider(p);
      }
    }
    if (ds.selector !== undefined && !ds.selector.nothing && !selectsEverything(ds.selector)) {
      for (const p of index.orphans) if (!seen.has(p)) consider(p);
    }
  }

  podCount(slot: number): number {
    if (slot < 0 || !this.index) return 0;
    return (this.index.count[slot] as number) - (this.ownPods.get(slot)?.length ?? 0);
  }

  /** Requests of resource r summed over the node's competing pods. */
  usedOf(slot: number, r: number): number {
    if (slot < 0 || !this.index) return 0;
    return ((this.usedSums[r] as Float64Array)[slot] as number) - (this.ownUsed.get(slot)?.[r] ?? 0);
  }

  /** The first pod (in input order) holding one of the wanted host ports, with that port's index. */
  portConflict(slot: number): { pod: UnknownRecord; port: number } | undefined {
    const wanted = this.ds.hostPorts;
    if (slot < 0 || !this.index || wanted.length === 0) return undefined;
    let hit = this.conflicts.get(slot);
    if (hit === undefined) {
      hit = null;
      const own = this.ownPods.get(slot);
      for (const p of this.index.portHolders.get(slot) ?? []) {
        if (own?.includes(p)) continue;
        const pod = asRecord(this.index.pods[p]) as UnknownRecord;
        const claim = firstConflictWithPod(wanted, pod['spec']);
        if (claim !== undefined) {
          hit = { pod, port: wanted.indexOf(claim) };
          break;
        }
      }
      this.conflicts.set(slot, hit);
    }
    return hit ?? undefined;
  }

  /** This DaemonSet already has a pod on the node. */
  hasOwnPod(slot: number): boolean {
    return slot >= 0 && this.ownPods.has(slot);
  }
}

export function predictPlacement(ds: DaemonSet, cluster: ClusterState): PlacementResult {
  const reader = new QuantityReader();
  const compiled = compileDaemonSet(ds, reader);
  const nodes = asArray(asRecord(cluster)?.['nodes']);
  const verdicts: NodeVerdict[] = new Array<NodeVerdict>(nodes.length);

  // 1. The controller decides from the node alone; its notes wait for the nodes it accepts.
  const candidate = new Uint8Array(nodes.length);
  const carried: Array<string[] | undefined> = [];
  for (let i = 0; i < nodes.length; i++) {
    const notes = startNotes(nodes[i], compiled);
    const excluded = controllerVerdict(nodes[i], compiled, notes);
    if (excluded !== undefined) {
      if (notes.length > 0) excluded.notes = notes.slice();
      verdicts[i] = excluded;
    } else {
      candidate[i] = 1;
      if (notes.length > 0) carried[i] = notes.slice();
    }
  }

  // 2. The pods already bound: the snapshot's sums (cached per snapshot) minus this DaemonSet's own pods.
  const calculator = new PodRequestCalculator(
    compiled.resources.map((r) => r.name),
    reader,
  );
  const load = new NodeLoad(nodes, asArray(asRecord(cluster)?.['pods']), compiled, calculator);

  // 3. The scheduler, for those nodes; then what the DaemonSet already runs, everywhere.
  let desired = 0;
  let pending = 0;
  for (let i = 0; i < nodes.length; i++) {
    const slot = load.nodeSlot[i] as number;
    let v = verdicts[i];
    if (v === undefined) {
      const notes = NOTES;
      notes.length = 0;
      const kept = carried[i];
      if (kept !== undefined) for (const note of kept) notes.push(note);
      v = schedulerVerdict(nodes[i], compiled, load, slot, reader, notes);
      if (notes.length > 0) v.notes = notes.slice();
      verdicts[i] = v;
    }
    if (load.hasOwnPod(slot)) noteOwnPod(v);
    if (v.shouldRun) {
      desired++;
      if (v.pending) pending++;
    }
  }
  return { desired, pending, excluded: nodes.length - desired, nodes: verdicts };
}

/** The notes buffer for one node, primed with the DaemonSet's own notes and the node's state. */
function startNotes(rawNode: unknown, ds: CompiledDaemonSet): string[] {
  // One buffer reused for every node (not re-entrant); copied only when non-empty.
  const notes = NOTES;
  notes.length = 0;
  for (const note of ds.notes) notes.push(note);
  const node = asRecord(rawNode);
  const name = asString(asRecord(node?.['metadata'])?.['name']) ?? '';
  if (node === undefined)
    notes.push(`node entry is not an object (${show(rawNode)}); judged as a node with no name, labels or taints`);
  else if (name === '') notes.push('node has no metadata.name');
  noteNodeState(node, asRecord(node?.['spec']), notes);
  return notes;
}

/**
 * NodeShouldRunDaemonPod: the verdict for a node the controller turns away, or undefined when
 * it would run the pod there (the scheduler then has its say).
 */
function controllerVerdict(rawNode: unknown, ds: CompiledDaemonSet, notes: string[]): NodeVerdict | undefined {
  const node = asRecord(rawNode);
  const metadata = asRecord(node?.['metadata']);
  const spec = asRecord(node?.['spec']);
  const name = asString(metadata?.['name']) ?? '';
  const labels = labelRecord(metadata?.['labels']);

  // 1. NodeShouldRunDaemonPod: a template nodeName pins the pod to one node.
  if (ds.nodeName !== '' && ds.nodeName !== name) {
    return verdict(
      name,
      false,
      false,
      'nodeName',
      `spec.template.spec.nodeName is \`${ds.nodeName}\`, so the pod runs only on that node`,
      NODE_NAME_PATH,
    );
  }

  // 2. nodeSelector, then required node affinity (RequiredNodeAffinity.Match checks them in this order).
  const selectorMismatch = firstNodeSelectorMismatch(ds.nodeSelector, labels);
  if (selectorMismatch !== undefined) {
    const path = ds.nodeSelectorPaths.get(selectorMismatch.key) ?? NODE_SELECTOR_PATH;
    let byValue = ds.selectorDetails.get(selectorMismatch.key);
    if (byValue === undefined) ds.selectorDetails.set(selectorMismatch.key, (byValue = new Map()));
    let detail = byValue.get(selectorMismatch.have);
    if (detail === undefined)
      byValue.set(selectorMismatch.have, (detail = describeNodeSelectorMismatch(selectorMismatch)));
    return verdict(name, false, false, 'nodeSelector', detail, path);
  }
  if (!requiredAffinityMatches(ds.affinity, labels, name)) {
    const key = affinityMismatchKey(ds.affinity, labels, name);
    let why = ds.affinityDetails.get(key);
    if (why === undefined) ds.affinityDetails.set(key, (why = explainAffinityMismatch(ds.affinity, labels, name)));
    return verdict(name, false, false, 'nodeAffinity', why.detail, why.path);
  }

  // 3. Taints: an untolerated NoSchedule or NoExecute taint stops new pods; only NoExecute evicts.
  const taints = asArray(spec?.['taints']);
  let blocking: Taint | undefined;
  let evicting: Taint | undefined;
  for (let t = 0; t < taints.length; t++) {
    if (!isRecord(taints[t])) continue;
    const taint = taints[t] as Taint;
    const effect = taint.effect;
    const toleration = ds.tolerations.find((tol) => toleratesTaint(tol, taint));
    if (effect !== 'NoSchedule' && effect !== 'NoExecute') {
      if (effect === 'PreferNoSchedule' && toleration === undefined) {
        notes.push(
          `taint \`${formatTaint(taint)}\` is not tolerated, but PreferNoSchedule only ranks nodes; it does not keep the pod off`,
        );
      }
      continue;
    }
    if (toleration === undefined) {
      if (blocking === undefined) blocking = taint;
      if (effect === 'NoExecute' && evicting === undefined) evicting = taint;
      continue;
    }
    if (isControllerToleration(toleration)) {
      notes.push(`taint \`${formatTaint(taint)}\` is tolerated by the toleration the DaemonSet controller adds`);
    } else if (effect === 'NoExecute' && typeof toleration.tolerationSeconds === 'number') {
      notes.push(
        `taint \`${formatTaint(taint)}\` is tolerated for only ${toleration.tolerationSeconds}s; the pod is evicted after that and recreated`,
      );
    }
  }
  if (blocking !== undefined) {
    let detail = `taint \`${formatTaint(blocking)}\` is not tolerated`;
    if (evicting !== undefined && evicting !== blocking)
      detail += `; NoExecute taint \`${formatTaint(evicting)}\` would also evict a running pod`;
    else if (evicting === undefined) detail += ' (NoSchedule: a pod already running here is kept)';
    const result = verdict(name, false, evicting === undefined, 'taint', detail, TOLERATIONS_PATH);
    result.taint = blocking;
    return result;
  }
  return undefined;
}

/** The scheduler on a node the controller accepted: NodePorts, then NodeResourcesFit. */
function schedulerVerdict(
  rawNode: unknown,
  ds: CompiledDaemonSet,
  load: NodeLoad,
  slot: number,
  reader: QuantityReader,
  notes: string[],
): NodeVerdict {
  const node = asRecord(rawNode);
  const name = asString(asRecord(node?.['metadata'])?.['name']) ?? '';
  const portConflict = load.portConflict(slot);
  const shortfalls = checkResources(node, ds, load, slot, reader, notes);
  if (portConflict !== undefined) {
    const pod = portConflict.pod;
    const wanted = ds.hostPorts[portConflict.port] as HostPortClaim;
    const result = verdict(
      name,
      true,
      true,
      'hostPort',
      `host port ${formatHostPort(wanted)} is already used by pod \`${podName(pod)}\``,
      [...POD_SPEC_PATH, ...wanted.path, wanted.field],
    );
    result.pending = true;
    result.hostPort = {
      port: wanted.port,
      protocol: wanted.protocol,
      hostIP: wanted.hostIP,
      conflictingPod: podName(pod),
    };
    if (shortfalls !== undefined) {
      result.shortfalls = shortfalls;
      notes.push(`also short of resources: ${describeShortfalls(shortfalls)}`);
    }
    return result;
  }
  if (shortfalls !== undefined) {
    const first = shortfalls[0] as ResourceShortfall;
    const path = ds.resources.find((r) => r.name === first.resource)?.path;
    const result = verdict(name, true, true, 'insufficientResources', describeShortfalls(shortfalls), path);
    result.pending = true;
    result.shortfalls = shortfalls;
    return result;
  }
  return verdict(name, true, true, 'ok', 'the pod runs here', undefined);
}

function verdict(
  name: string,
  shouldRun: boolean,
  shouldContinueRunning: boolean,
  reason: PlacementReason,
  detail: string,
  path: FieldPath | undefined,
): NodeVerdict {
  const v: NodeVerdict = { name, shouldRun, shouldContinueRunning, pending: false, reason, detail };
  if (path !== undefined) v.path = path;
  return v;
}

function noteOwnPod(v: NodeVerdict): void {
  v.hasOwnPod = true;
  const note = v.shouldRun
    ? 'a pod of this DaemonSet already runs here'
    : v.shouldContinueRunning
      ? 'a pod of this DaemonSet already runs here and is kept'
      : 'a pod of this DaemonSet runs here and the controller would delete it';
  if (v.notes === undefined) v.notes = [note];
  else v.notes.push(note);
}

// Node state that never changes the controller's decision by itself: it only reads taints.
function noteNodeState(node: UnknownRecord | undefined, spec: UnknownRecord | undefined, notes: string[]): void {
  if (spec?.['unschedulable'] === true) {
    notes.push(
      'node is cordoned (spec.unschedulable); DaemonSet pods tolerate node.kubernetes.io/unschedulable, so cordoning alone does not keep them off',
    );
  }
  for (const condition of asArray(asRecord(node?.['status'])?.['conditions'])) {
    const c = asRecord(condition);
    if (c?.['type'] !== 'Ready') continue;
    if (c['status'] !== 'True') {
      notes.push(
        `node is NotReady (Ready=${asString(c['status']) ?? show(c['status'])}); the controller judges it by its taints only`,
      );
    }
    break;
  }
}

function checkResources(
  node: UnknownRecord | undefined,
  ds: CompiledDaemonSet,
  load: NodeLoad,
  slot: number,
  reader: QuantityReader,
  notes: string[],
): ResourceShortfall[] | undefined {
  const allocatable = asRecord(nodeAllocatable(node));
  if (allocatable === undefined) {
    // A kubelet always reports allocatable; a hand-written node without any is not judged.
    notes.push('node reports neither allocatable nor capacity; resource fit not checked');
    return undefined;
  }
  const podCount = load.podCount(slot);
  let shortfalls: ResourceShortfall[] | undefined;
  const allowedPods = amount(reader.units(own(allocatable, 'pods')));
  if (podCount + 1 > allowedPods) {
    (shortfalls ??= []).push({
      resource: 'pods',
      requested: 1,
      free: allowedPods - podCount,
      allocatable: allowedPods,
    });
  }
  for (let i = 0; i < ds.resources.length; i++) {
    const r = ds.resources[i] as { name: string; amount: number };
    const raw = own(allocatable, r.name);
    const alloc = amount(r.name === 'cpu' ? reader.millis(raw) : reader.units(raw));
    const free = alloc - load.usedOf(slot, i);
    if (r.amount > free) (shortfalls ??= []).push({ resource: r.name, requested: r.amount, free, allocatable: alloc });
  }
  return shortfalls;
}

function describeShortfalls(shortfalls: readonly ResourceShortfall[]): string {
  return shortfalls.map(describeShortfall).join('; ');
}

function describeShortfall(s: ResourceShortfall): string {
  if (s.resource === 'pods') {
    return `node already holds ${s.allocatable - s.free} pods, its limit is ${s.allocatable} (allocatable pods)`;
  }
  const label = resourceLabel(s.resource);
  const needs = `needs ${formatAmount(s.resource, s.requested)} ${label}`;
  if (s.allocatable <= 0) return `${needs}, node has none`;
  if (s.free <= 0) {
    return `${needs}, none free (pods on the node already request ${formatAmount(s.resource, s.allocatable - s.free)} of ${formatAmount(s.resource, s.allocatable)})`;
  }
  return `${needs}, ${formatAmount(s.resource, s.free)} free`;
}

function amount(v: number): number {
  return Number.isNaN(v) ? 0 : v;
}

function own(record: UnknownRecord, key: string): unknown {
  return quantityEntry(record, key);
}

function podName(pod: UnknownRecord): string {
  const metadata = asRecord(pod['metadata']);
  const name = asString(metadata?.['name']) ?? '(unnamed)';
  const namespace = asString(metadata?.['namespace']);
  return namespace === undefined ? name : `${namespace}/${name}`;
}

function compileDaemonSet(ds: DaemonSet, reader: QuantityReader): CompiledDaemonSet {
  const root = asRecord(ds);
  const metadata = asRecord(root?.['metadata']);
  const dsSpec = asRecord(root?.['spec']);
  const podSpec = asRecord(asRecord(dsSpec?.['template'])?.['spec']);
  const notes: string[] = [];

  const rawNodeName = podSpec?.['nodeName'];
  let nodeName = '';
  if (typeof rawNodeName === 'string') nodeName = rawNodeName;
  else if (rawNodeName !== undefined && rawNodeName !== null)
    notes.push(`spec.template.spec.nodeName must be a string, found ${show(rawNodeName)}; ignored`);

  const rawTolerations = podSpec?.['tolerations'];
  if (rawTolerations !== undefined && rawTolerations !== null && !Array.isArray(rawTolerations)) {
    notes.push(`spec.template.spec.tolerations must be a list, found ${show(rawTolerations)}; ignored`);
  } else if (asArray(rawTolerations).some((t) => !isRecord(t))) {
    notes.push('some entries of spec.template.spec.tolerations are not objects; ignored');
  }

  const nodeAffinity = asRecord(asRecord(podSpec?.['affinity'])?.['nodeAffinity']);
  if (asArray(nodeAffinity?.['preferredDuringSchedulingIgnoredDuringExecution']).length > 0) notes.push(NOTE_PREFERRED);

  const resources = compileRequests(podSpec, reader, notes);
  const nodeSelector = compileNodeSelector(podSpec?.['nodeSelector']);
  const nodeSelectorPaths = new Map<string, FieldPath>();
  for (const [key] of nodeSelector.entries) nodeSelectorPaths.set(key, [...NODE_SELECTOR_PATH, key]);
  if (nodeSelector.invalid?.key !== undefined)
    nodeSelectorPaths.set(nodeSelector.invalid.key, [...NODE_SELECTOR_PATH, nodeSelector.invalid.key]);

  const selector = labelSelectorAsSelector(dsSpec?.['selector']);

  return {
    name: asString(metadata?.['name']),
    namespace: asString(metadata?.['namespace']),
    uid: asString(metadata?.['uid']),
    selector,
    nodeName,
    nodeSelector,
    nodeSelectorPaths,
    selectorDetails: new Map(),
    affinityDetails: new Map(),
    affinity: compileRequiredAffinity(nodeAffinity),
    tolerations: daemonPodTolerations(podSpec as never),
    resources,
    hostPorts: podHostPorts(podSpec as never),
    notes,
  };
}

function compileRequests(
  podSpec: UnknownRecord | undefined,
  reader: QuantityReader,
  notes: string[],
): CompiledDaemonSet['resources'] {
  const names: string[] = [];
  for (const name of requestedResourceNames(podSpec)) {
    const kind = resourceKind(name);
    if (kind === 'pods') continue;
    if (kind === 'ignored') {
      notes.push(`resource \`${name}\` is not one the scheduler knows; it is ignored for placement`);
      continue;
    }
    names.push(name);
  }
  const invalid: InvalidQuantity[] = [];
  const calculator = new PodRequestCalculator(names, reader, (q) => invalid.push(q));
  const out = new Float64Array(names.length);
  calculator.compute(podSpec, out, POD_SPEC_PATH);
  const seen = new Set<string>();
  for (const q of invalid) {
    const key = q.path.join('.');
    if (seen.has(key)) continue;
    seen.add(key);
    notes.push(
      `${q.path.slice(POD_SPEC_PATH.length).join('.')} ${show(q.value)} is not a valid quantity (the API server rejects it); counted as 0`,
    );
  }
  const result: Array<{ name: string; amount: number; path: FieldPath | undefined }> = [];
  names.forEach((name, i) => {
    const amountRequested = out[i] as number;
    if (amountRequested > 0) result.push({ name, amount: amountRequested, path: requestPath(podSpec, name) });
  });
  return result;
}

/** The first manifest field that contributes the resource: a container, an init container, pod level, overhead. */
function requestPath(podSpec: UnknownRecord | undefined, name: string): FieldPath | undefined {
  for (const list of ['containers', 'initContainers'] as const) {
    const containers = asArray(podSpec?.[list]);
    for (let c = 0; c < containers.length; c++) {
      const resources = asRecord(asRecord(containers[c])?.['resources']);
      for (const kind of ['requests', 'limits'] as const) {
        if (Object.hasOwn(asRecord(resources?.[kind]) ?? {}, name))
          return [...POD_SPEC_PATH, list, c, 'resources', kind, name];
      }
    }
  }
  const podResources = asRecord(podSpec?.['resources']);
  for (const kind of ['requests', 'limits'] as const) {
    if (Object.hasOwn(asRecord(podResources?.[kind]) ?? {}, name)) return [...POD_SPEC_PATH, 'resources', kind, name];
  }
  if (Object.hasOwn(asRecord(podSpec?.['overhead']) ?? {}, name)) return [...POD_SPEC_PATH, 'overhead', name];
  return undefined;
}

function isOwnPod(pod: UnknownRecord, ds: CompiledDaemonSet): boolean {
  const metadata = asRecord(pod['metadata']);
  const podNamespace = asString(metadata?.['namespace']);
  const sameNamespace = ds.namespace === undefined || podNamespace === undefined || podNamespace === ds.namespace;
  if (!sameNamespace) return false;
  let controlled = false;
  for (const raw of asArray(metadata?.['ownerReferences'])) {
    const ref = asRecord(raw);
    if (ref === undefined) continue;
    if (ref['controller'] === true) controlled = true;
    if (ref['kind'] !== 'DaemonSet') continue;
    const uid = asString(ref['uid']);
    if (ds.uid !== undefined && uid !== undefined) {
      if (uid === ds.uid) return true;
    } else if (ds.name !== undefined && ref['name'] === ds.name) {
      return true;
    }
  }
  // An orphan the selector matches would be adopted by the controller (ClaimPods with the selector
  // LabelSelectorAsSelector built; an invalid one claims nothing). An empty selector, which would
  // select every pod of the namespace, adopts nothing here: the API server rejects it for a
  // DaemonSet ("empty selector is invalid for daemonset"), so no controller ever acts on it.
  if (controlled || ds.selector === undefined || selectsEverything(ds.selector)) return false;
  return labelSelectorMatches(ds.selector, labelRecord(metadata?.['labels']));
}
