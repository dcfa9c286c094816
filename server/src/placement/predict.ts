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
// matching spec.selector.matchLabels, which the controller would adopt. The prediction is for
// this DaemonSet's pod, so its own pods must not compete with it.

import type {
  ClusterState, DaemonSet, FieldPath, NodeVerdict, PlacementReason, PlacementResult, ResourceShortfall, Taint, Toleration,
} from './types';
import { asArray, asRecord, asString, isRecord, labelRecord, labelValue, quantityEntry, show, type UnknownRecord } from './shape';
import { compileNodeSelector, describeNodeSelectorMismatch, firstNodeSelectorMismatch, type CompiledNodeSelector } from './nodeSelector';
import {
  affinityMismatchKey, compileRequiredAffinity, explainAffinityMismatch, requiredAffinityMatches, type CompiledRequiredAffinity, type NodeAffinityMismatch,
} from './nodeAffinity';
import { daemonPodTolerations, formatTaint, isControllerToleration, toleratesTaint } from './tolerations';
import {
  PodRequestCalculator, QuantityReader, formatAmount, nodeAllocatable, requestedResourceNames, resourceKind, resourceLabel, type InvalidQuantity,
} from './resources';
import { firstConflictWithPod, formatHostPort, podHostPorts, type HostPortClaim } from './hostPorts';

export const POD_SPEC_PATH: FieldPath = ['spec', 'template', 'spec'];
const TOLERATIONS_PATH: FieldPath = [...POD_SPEC_PATH, 'tolerations'];
const NODE_NAME_PATH: FieldPath = [...POD_SPEC_PATH, 'nodeName'];
const NODE_SELECTOR_PATH: FieldPath = [...POD_SPEC_PATH, 'nodeSelector'];

const NOTES: string[] = [];

const NOTE_PREFERRED = 'preferred node affinity only ranks nodes for the scheduler; it never keeps a DaemonSet pod off a node';

/** Everything about the DaemonSet that does not depend on the node, computed once. */
interface CompiledDaemonSet {
  name: string | undefined;
  namespace: string | undefined;
  uid: string | undefined;
  selectorLabels: ReadonlyArray<readonly [string, string]>;
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
 * Pods bound to each node, grouped once per prediction by a counting sort (no per-node
 * objects: at 100,000 nodes the allocations, not the lookups, dominate).
 */
class PodIndex {
  private readonly slots = new Map<string, number>();
  /** Pods competing with the DaemonSet's pod, grouped by slot: slot s owns [start[s], start[s+1]). */
  readonly pods: UnknownRecord[];
  private readonly start: Int32Array;
  private readonly own: Uint8Array;
  /** The slot of nodes[i], or -1 for a node without a name. */
  readonly nodeSlot: Int32Array;

  constructor(nodes: readonly unknown[], rawPods: readonly unknown[], ds: CompiledDaemonSet) {
    this.nodeSlot = new Int32Array(nodes.length).fill(-1);
    // A node's slot is the index of the first node with its name. Names are set in reverse
    // order so that the first index wins without a lookup before each insert; only when some
    // name repeats are slots looked up again.
    let named = 0;
    if (rawPods.length > 0) {
      for (let i = nodes.length - 1; i >= 0; i--) {
        const name = asString(asRecord(asRecord(nodes[i])?.['metadata'])?.['name']);
        if (name === undefined || name === '') continue;
        this.slots.set(name, i);
        this.nodeSlot[i] = i;
        named++;
      }
      if (this.slots.size !== named) {
        for (let i = 0; i < nodes.length; i++) {
          if (this.nodeSlot[i] === -1) continue;
          const name = asString(asRecord(asRecord(nodes[i])?.['metadata'])?.['name']) as string;
          this.nodeSlot[i] = this.slots.get(name) as number;
        }
      }
    }
    const slotCount = nodes.length;
    const start = new Int32Array(slotCount + 1);
    const own = new Uint8Array(slotCount);
    const podSlot = new Int32Array(rawPods.length).fill(-1);
    for (let i = 0; i < rawPods.length; i++) {
      const pod = asRecord(rawPods[i]);
      if (pod === undefined) continue;
      const nodeName = asString(asRecord(pod['spec'])?.['nodeName']);
      if (nodeName === undefined) continue;
      const slot = this.slots.get(nodeName);
      if (slot === undefined) continue;
      const phase = asRecord(pod['status'])?.['phase'];
      if (phase === 'Succeeded' || phase === 'Failed') continue;
      if (isOwnPod(pod, ds)) {
        own[slot] = 1;
        continue;
      }
      podSlot[i] = slot;
      (start[slot + 1] as number)++;
    }
    for (let s = 0; s < slotCount; s++) start[s + 1] = (start[s + 1] as number) + (start[s] as number);
    const next = start.slice(0, slotCount);
    this.pods = new Array<UnknownRecord>(start[slotCount] as number);
    for (let i = 0; i < rawPods.length; i++) {
      const slot = podSlot[i] as number;
      if (slot >= 0) this.pods[(next[slot] as number)++] = rawPods[i] as UnknownRecord;
    }
    this.start = start;
    this.own = own;
  }

  first(slot: number): number {
    return slot < 0 ? 0 : (this.start[slot] as number);
  }

  end(slot: number): number {
    return slot < 0 ? 0 : (this.start[slot + 1] as number);
  }

  /** This DaemonSet already has a pod on the node. */
  hasOwnPod(slot: number): boolean {
    return slot >= 0 && this.own[slot] === 1;
  }
}

export function predictPlacement(ds: DaemonSet, cluster: ClusterState): PlacementResult {
  const reader = new QuantityReader();
  const compiled = compileDaemonSet(ds, reader);
  const calculator = new PodRequestCalculator(compiled.resources.map((r) => r.name), reader);
  const scratch = new Float64Array(compiled.resources.length);
  const used = new Float64Array(compiled.resources.length);

  const nodes = asArray(asRecord(cluster)?.['nodes']);
  const podIndex = new PodIndex(nodes, asArray(asRecord(cluster)?.['pods']), compiled);
  const verdicts: NodeVerdict[] = new Array<NodeVerdict>(nodes.length);
  let desired = 0;
  let pending = 0;
  for (let i = 0; i < nodes.length; i++) {
    const verdict = judgeNode(nodes[i], podIndex.nodeSlot[i] as number, compiled, podIndex, reader, calculator, scratch, used);
    verdicts[i] = verdict;
    if (verdict.shouldRun) {
      desired++;
      if (verdict.pending) pending++;
    }
  }
  return { desired, pending, excluded: nodes.length - desired, nodes: verdicts };
}

function judgeNode(
  rawNode: unknown,
  slot: number,
  ds: CompiledDaemonSet,
  podIndex: PodIndex,
  reader: QuantityReader,
  calculator: PodRequestCalculator,
  scratch: Float64Array,
  used: Float64Array,
): NodeVerdict {
  const node = asRecord(rawNode);
  const metadata = asRecord(node?.['metadata']);
  const spec = asRecord(node?.['spec']);
  const name = asString(metadata?.['name']) ?? '';
  const labels = labelRecord(metadata?.['labels']);
  // One buffer reused for every node (judgeNode is not re-entrant); copied only when non-empty.
  const notes = NOTES;
  notes.length = 0;
  for (const note of ds.notes) notes.push(note);
  if (node === undefined) notes.push(`node entry is not an object (${show(rawNode)}); judged as a node with no name, labels or taints`);
  else if (name === '') notes.push('node has no metadata.name');
  noteNodeState(node, spec, notes);

  // 1. NodeShouldRunDaemonPod: a template nodeName pins the pod to one node.
  if (ds.nodeName !== '' && ds.nodeName !== name) {
    return finish(verdict(name, false, false, 'nodeName', `spec.template.spec.nodeName is \`${ds.nodeName}\`, so the pod runs only on that node`, NODE_NAME_PATH), notes, podIndex, slot);
  }

  // 2. nodeSelector, then required node affinity (RequiredNodeAffinity.Match checks them in this order).
  const selectorMismatch = firstNodeSelectorMismatch(ds.nodeSelector, labels);
  if (selectorMismatch !== undefined) {
    const path = ds.nodeSelectorPaths.get(selectorMismatch.key) ?? NODE_SELECTOR_PATH;
    let byValue = ds.selectorDetails.get(selectorMismatch.key);
    if (byValue === undefined) ds.selectorDetails.set(selectorMismatch.key, (byValue = new Map()));
    let detail = byValue.get(selectorMismatch.have);
    if (detail === undefined) byValue.set(selectorMismatch.have, (detail = describeNodeSelectorMismatch(selectorMismatch)));
    return finish(verdict(name, false, false, 'nodeSelector', detail, path), notes, podIndex, slot);
  }
  if (!requiredAffinityMatches(ds.affinity, labels, name)) {
    const key = affinityMismatchKey(ds.affinity, labels, name);
    let why = ds.affinityDetails.get(key);
    if (why === undefined) ds.affinityDetails.set(key, (why = explainAffinityMismatch(ds.affinity, labels, name)));
    return finish(verdict(name, false, false, 'nodeAffinity', why.detail, why.path), notes, podIndex, slot);
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
        notes.push(`taint \`${formatTaint(taint)}\` is not tolerated, but PreferNoSchedule only ranks nodes; it does not keep the pod off`);
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
      notes.push(`taint \`${formatTaint(taint)}\` is tolerated for only ${toleration.tolerationSeconds}s; the pod is evicted after that and recreated`);
    }
  }
  if (blocking !== undefined) {
    let detail = `taint \`${formatTaint(blocking)}\` is not tolerated`;
    if (evicting !== undefined && evicting !== blocking) detail += `; NoExecute taint \`${formatTaint(evicting)}\` would also evict a running pod`;
    else if (evicting === undefined) detail += ' (NoSchedule: a pod already running here is kept)';
    const result = verdict(name, false, evicting === undefined, 'taint', detail, TOLERATIONS_PATH);
    result.taint = blocking;
    return finish(result, notes, podIndex, slot);
  }

  // 4. The scheduler: NodePorts, then NodeResourcesFit.
  const portConflict = ds.hostPorts.length > 0 ? findPortConflict(ds.hostPorts, podIndex, slot) : undefined;
  const shortfalls = checkResources(node, ds, podIndex, slot, reader, calculator, scratch, used, notes);
  if (portConflict !== undefined) {
    const { wanted, pod } = portConflict;
    const result = verdict(name, true, true, 'hostPort', `host port ${formatHostPort(wanted)} is already used by pod \`${podName(pod)}\``, [...POD_SPEC_PATH, ...wanted.path, wanted.field]);
    result.pending = true;
    result.hostPort = { port: wanted.port, protocol: wanted.protocol, hostIP: wanted.hostIP, conflictingPod: podName(pod) };
    if (shortfalls !== undefined) {
      result.shortfalls = shortfalls;
      notes.push(`also short of resources: ${describeShortfalls(shortfalls)}`);
    }
    return finish(result, notes, podIndex, slot);
  }
  if (shortfalls !== undefined) {
    const first = shortfalls[0] as ResourceShortfall;
    const path = ds.resources.find((r) => r.name === first.resource)?.path;
    const result = verdict(name, true, true, 'insufficientResources', describeShortfalls(shortfalls), path);
    result.pending = true;
    result.shortfalls = shortfalls;
    return finish(result, notes, podIndex, slot);
  }
  return finish(verdict(name, true, true, 'ok', 'the pod runs here', undefined), notes, podIndex, slot);
}

function verdict(
  name: string, shouldRun: boolean, shouldContinueRunning: boolean, reason: PlacementReason, detail: string, path: FieldPath | undefined,
): NodeVerdict {
  const v: NodeVerdict = { name, shouldRun, shouldContinueRunning, pending: false, reason, detail };
  if (path !== undefined) v.path = path;
  return v;
}

function finish(v: NodeVerdict, notes: string[], index: PodIndex, slot: number): NodeVerdict {
  if (index.hasOwnPod(slot)) {
    if (v.shouldRun) notes.push('a pod of this DaemonSet already runs here');
    else if (v.shouldContinueRunning) notes.push('a pod of this DaemonSet already runs here and is kept');
    else notes.push('a pod of this DaemonSet runs here and the controller would delete it');
  }
  if (notes.length > 0) v.notes = notes.slice();
  return v;
}

// Node state that never changes the controller's decision by itself: it only reads taints.
function noteNodeState(node: UnknownRecord | undefined, spec: UnknownRecord | undefined, notes: string[]): void {
  if (spec?.['unschedulable'] === true) {
    notes.push('node is cordoned (spec.unschedulable); DaemonSet pods tolerate node.kubernetes.io/unschedulable, so cordoning alone does not keep them off');
  }
  for (const condition of asArray(asRecord(node?.['status'])?.['conditions'])) {
    const c = asRecord(condition);
    if (c?.['type'] !== 'Ready') continue;
    if (c['status'] !== 'True') {
      notes.push(`node is NotReady (Ready=${asString(c['status']) ?? show(c['status'])}); the controller judges it by its taints only`);
    }
    break;
  }
}

function findPortConflict(wanted: readonly HostPortClaim[], index: PodIndex, slot: number): { wanted: HostPortClaim; pod: UnknownRecord } | undefined {
  for (let p = index.first(slot), end = index.end(slot); p < end; p++) {
    const pod = index.pods[p] as UnknownRecord;
    const hit = firstConflictWithPod(wanted, pod['spec']);
    if (hit !== undefined) return { wanted: hit, pod };
  }
  return undefined;
}

function checkResources(
  node: UnknownRecord | undefined,
  ds: CompiledDaemonSet,
  index: PodIndex,
  slot: number,
  reader: QuantityReader,
  calculator: PodRequestCalculator,
  scratch: Float64Array,
  used: Float64Array,
  notes: string[],
): ResourceShortfall[] | undefined {
  const allocatable = asRecord(nodeAllocatable(node));
  if (allocatable === undefined) {
    // A kubelet always reports allocatable; a hand-written node without any is not judged.
    notes.push('node reports neither allocatable nor capacity; resource fit not checked');
    return undefined;
  }
  const first = index.first(slot);
  const end = index.end(slot);
  let shortfalls: ResourceShortfall[] | undefined;
  const allowedPods = amount(reader.units(own(allocatable, 'pods')));
  if (end - first + 1 > allowedPods) {
    (shortfalls ??= []).push({ resource: 'pods', requested: 1, free: allowedPods - (end - first), allocatable: allowedPods });
  }
  if (ds.resources.length === 0) return shortfalls;
  used.fill(0);
  for (let p = first; p < end; p++) {
    calculator.compute((index.pods[p] as UnknownRecord)['spec'], scratch);
    for (let i = 0; i < used.length; i++) used[i] += scratch[i] as number;
  }
  for (let i = 0; i < ds.resources.length; i++) {
    const r = ds.resources[i] as { name: string; amount: number };
    const raw = own(allocatable, r.name);
    const alloc = amount(r.name === 'cpu' ? reader.millis(raw) : reader.units(raw));
    const free = alloc - (used[i] as number);
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
  else if (rawNodeName !== undefined && rawNodeName !== null) notes.push(`spec.template.spec.nodeName must be a string, found ${show(rawNodeName)}; ignored`);

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
  if (nodeSelector.invalid?.key !== undefined) nodeSelectorPaths.set(nodeSelector.invalid.key, [...NODE_SELECTOR_PATH, nodeSelector.invalid.key]);

  const selectorLabels: Array<readonly [string, string]> = [];
  const matchLabels = asRecord(asRecord(dsSpec?.['selector'])?.['matchLabels']);
  if (matchLabels !== undefined) for (const key of Object.keys(matchLabels)) {
    const value = matchLabels[key];
    if (typeof value === 'string') selectorLabels.push([key, value]);
  }

  return {
    name: asString(metadata?.['name']),
    namespace: asString(metadata?.['namespace']),
    uid: asString(metadata?.['uid']),
    selectorLabels,
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

function compileRequests(podSpec: UnknownRecord | undefined, reader: QuantityReader, notes: string[]): CompiledDaemonSet['resources'] {
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
    notes.push(`${q.path.slice(POD_SPEC_PATH.length).join('.')} ${show(q.value)} is not a valid quantity (the API server rejects it); counted as 0`);
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
        if (Object.hasOwn(asRecord(resources?.[kind]) ?? {}, name)) return [...POD_SPEC_PATH, list, c, 'resources', kind, name];
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
  // An orphan matching the selector would be adopted by the controller (ClaimPods).
  if (controlled || ds.selectorLabels.length === 0) return false;
  const labels = labelRecord(metadata?.['labels']);
  for (const [key, value] of ds.selectorLabels) if (labelValue(labels, key) !== value) return false;
  return true;
}
