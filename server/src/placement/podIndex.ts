// What the pods of one cluster snapshot add up to, per node, independent of any DaemonSet:
// which node each pod is bound to, how many pods each node holds, their summed requests per
// resource name (filled in lazily, one resource at a time), which pods may hold host ports, and
// which pods could belong to a DaemonSet. predictPlacement runs on every keystroke against the
// same snapshot, so this is built once per snapshot and reused: the per-call work is then only
// the DaemonSet's own pods (subtracted) and the nodes' checks.
//
// The index is cached by the identity (and length) of the snapshot's `nodes` and `pods` arrays:
// a ClusterState is treated as immutable once given to the engine — a changed cluster is a new
// ClusterState (which is what every cluster source produces).
import { asArray, asRecord, asString, type UnknownRecord } from './shape';
import { PodRequestCalculator, QuantityReader } from './resources';

export class PodIndex {
  /** The slot of nodes[i] (the index of the first node with its name), or -1. */
  readonly nodeSlot: Int32Array;
  /** Per pod: the slot of the node it is bound to when it counts (bound, not finished), or -1. */
  readonly podSlot: Int32Array;
  /** Per slot: how many counted pods it holds. */
  readonly count: Int32Array;
  /** Per slot (sparse): counted pods that may hold a host port, in input order. */
  readonly portHolders = new Map<number, number[]>();
  /** Counted pods with an ownerReference of kind DaemonSet, by `uid:<uid>` and `name:<name>`. */
  readonly byDaemonSetRef = new Map<string, number[]>();
  /** Counted pods without a controller reference (a DaemonSet could adopt them). */
  readonly orphans: number[] = [];
  private readonly used = new Map<string, Float64Array>();
  private readonly reader = new QuantityReader();

  constructor(
    readonly nodes: readonly unknown[],
    readonly pods: readonly unknown[],
  ) {
    const n = nodes.length;
    this.nodeSlot = new Int32Array(n).fill(-1);
    this.podSlot = new Int32Array(pods.length).fill(-1);
    this.count = new Int32Array(n);
    // Names are set in reverse order so that a repeated name keeps its first node's index.
    const slots = new Map<string, number>();
    for (let i = n - 1; i >= 0; i--) {
      const name = asString(asRecord(asRecord(nodes[i])?.['metadata'])?.['name']);
      if (name === undefined || name === '') continue;
      slots.set(name, i);
    }
    for (let i = 0; i < n; i++) {
      const name = asString(asRecord(asRecord(nodes[i])?.['metadata'])?.['name']);
      if (name !== undefined && name !== '') this.nodeSlot[i] = slots.get(name) as number;
    }
    for (let p = 0; p < pods.length; p++) {
      const pod = asRecord(pods[p]);
      if (pod === undefined) continue;
      const spec = asRecord(pod['spec']);
      const nodeName = asString(spec?.['nodeName']);
      if (nodeName === undefined) continue;
      const slot = slots.get(nodeName);
      if (slot === undefined) continue;
      const phase = asRecord(pod['status'])?.['phase'];
      if (phase === 'Succeeded' || phase === 'Failed') continue;
      this.podSlot[p] = slot;
      (this.count[slot] as number)++;
      if (mayHoldHostPort(spec)) push(this.portHolders, slot, p);
      let controlled = false;
      for (const raw of asArray(asRecord(pod['metadata'])?.['ownerReferences'])) {
        const ref = asRecord(raw);
        if (ref === undefined) continue;
        if (ref['controller'] === true) controlled = true;
        if (ref['kind'] !== 'DaemonSet') continue;
        const uid = asString(ref['uid']);
        const name = asString(ref['name']);
        if (uid !== undefined) push(this.byDaemonSetRef, `uid:${uid}`, p);
        if (name !== undefined) push(this.byDaemonSetRef, `name:${name}`, p);
      }
      if (!controlled) this.orphans.push(p);
    }
  }

  /** Per slot, the counted pods' summed requests for `name` (cpu in millicores). */
  usedOf(name: string): Float64Array {
    let sums = this.used.get(name);
    if (sums === undefined) {
      sums = new Float64Array(this.count.length);
      const calculator = new PodRequestCalculator([name], this.reader);
      const one = new Float64Array(1);
      for (let p = 0; p < this.pods.length; p++) {
        const slot = this.podSlot[p] as number;
        if (slot < 0) continue;
        calculator.compute(asRecord(this.pods[p] as UnknownRecord)?.['spec'], one);
        sums[slot] = (sums[slot] as number) + (one[0] as number);
      }
      this.used.set(name, sums);
    }
    return sums;
  }
}

const cache = new WeakMap<object, PodIndex>();

/** The index of a snapshot, built on first use and reused while the arrays are the same. */
export function podIndexOf(nodes: readonly unknown[], pods: readonly unknown[]): PodIndex {
  const cached = cache.get(pods);
  if (
    cached &&
    cached.nodes === nodes &&
    cached.nodes.length === cached.nodeSlot.length &&
    cached.pods.length === cached.podSlot.length
  ) {
    return cached;
  }
  const index = new PodIndex(nodes, pods);
  cache.set(pods, index);
  return index;
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// A superset of the pods firstConflictWithPod can find a port in: hostNetwork pods (their
// container ports are host ports) and pods with a hostPort field anywhere.
function mayHoldHostPort(spec: UnknownRecord | undefined): boolean {
  if (spec === undefined) return false;
  if (spec['hostNetwork'] === true) return true;
  for (const list of [spec['containers'], spec['initContainers']]) {
    for (const c of asArray(list)) {
      for (const port of asArray(asRecord(c)?.['ports'])) {
        const hostPort = asRecord(port)?.['hostPort'];
        if (hostPort !== undefined && hostPort !== null && hostPort !== 0) return true;
      }
    }
  }
  return false;
}
