// Pod resource requests and the scheduler's resource fit.
//
// podRequests mirrors k8s.io/component-helpers/resource PodRequests (with the PodLevelResources
// feature on, its default since 1.34): regular containers are summed; an init container needs
// its own request plus the sidecars started before it; sidecars (init containers with
// restartPolicy Always) also add to the sum; the pod needs max(sum, largest init need); pod-level
// requests replace cpu/memory/hugepages; overhead is added. Before that, the API's pod defaulting
// (SetDefaults_Pod, defaultPodRequests) copies limits into missing requests.
//
// The fit mirrors noderesources.fitsRequest: cpu in millicores, everything else in integer base
// units, each rounded up per pod (framework.Resource.SetMaxResource); a resource the pod requests
// and the node does not list counts as 0 allocatable.

import type { FieldPath, PodSpec, ResourceList } from './types';
import { asArray, asRecord, quantityEntry, type UnknownRecord } from './shape';
import { parseQuantityParts, scaledValue, simpleScaledValue } from './quantity';
import { isQualifiedName } from './labelSyntax';
import { addExact, compareExact, exactQuantity, type ExactQuantity } from './quantityOrder';

export type ResourceAmounts = Record<string, number>;

/** How the scheduler treats a resource name (schedutil.IsScalarResourceName and friends). */
export type ResourceKind = 'cpu' | 'memory' | 'ephemeral-storage' | 'pods' | 'scalar' | 'ignored';

export function resourceKind(name: string): ResourceKind {
  switch (name) {
    case 'cpu':
    case 'memory':
    case 'ephemeral-storage':
    case 'pods':
      return name;
  }
  if (
    isExtendedResourceName(name) ||
    name.startsWith('hugepages-') ||
    name.includes('kubernetes.io/') ||
    name.startsWith('attachable-volumes-')
  ) {
    return 'scalar';
  }
  return 'ignored';
}

/** v1helper.IsExtendedResourceName: domain-prefixed, outside kubernetes.io, quota-name safe. */
export function isExtendedResourceName(name: string): boolean {
  if (!name.includes('/') || name.includes('kubernetes.io/') || name.startsWith('requests.')) return false;
  return isQualifiedName(`requests.${name}`);
}

/**
 * Reads quantities once per distinct text (a cluster repeats the same few strings across
 * thousands of pods; a Map hit is cheaper than even the fast parse). cpu is kept in nanocores
 * so that a pod's containers sum exactly before the per-pod round-up to millicores.
 */
export class QuantityReader {
  private readonly nanoCache = new Map<unknown, number>();
  private readonly unitCache = new Map<unknown, number>();

  /** Nanocores (value × 10^9, rounded up); NaN for an invalid quantity. */
  nanos(q: unknown): number {
    let v = this.nanoCache.get(q);
    if (v === undefined) {
      v = simpleScaledValue(q, 9);
      if (v === undefined) {
        const p = parseQuantityParts(q);
        v = p === undefined ? NaN : scaledValue(p, 9);
      }
      this.nanoCache.set(q, v);
    }
    return v;
  }

  /** Base units rounded up (Quantity.Value()); NaN for an invalid quantity. */
  units(q: unknown): number {
    let v = this.unitCache.get(q);
    if (v === undefined) {
      v = simpleScaledValue(q, 0);
      if (v === undefined) {
        const p = parseQuantityParts(q);
        v = p === undefined ? NaN : scaledValue(p, 0);
      }
      this.unitCache.set(q, v);
    }
    return v;
  }

  /** Millicores (Quantity.MilliValue()). */
  millis(q: unknown): number {
    const n = this.nanos(q);
    return Number.isNaN(n) ? n : Math.ceil(n / 1e6);
  }
}

/** An invalid quantity met while summing: the API server would have rejected the object. */
export interface InvalidQuantity {
  resource: string;
  value: unknown;
  path: FieldPath;
}

/**
 * Sums the requests of pods for a fixed list of resource names into a Float64Array, without
 * allocating per pod. Results: cpu in millicores, everything else in base units.
 */
export class PodRequestCalculator {
  readonly names: readonly string[];
  private readonly cpuIndex: number;
  private readonly sum: Float64Array;
  private readonly sidecars: Float64Array;
  private readonly initNeed: Float64Array;
  /** One container's requests, reused. */
  private readonly container: Float64Array;

  constructor(
    names: readonly string[],
    private readonly reader: QuantityReader,
    private readonly onInvalid?: (invalid: InvalidQuantity) => void,
  ) {
    this.names = names;
    this.cpuIndex = names.indexOf('cpu');
    this.sum = new Float64Array(names.length);
    this.sidecars = new Float64Array(names.length);
    this.initNeed = new Float64Array(names.length);
    this.container = new Float64Array(names.length);
  }

  /** Writes the pod's requests for `names` into `out` (overwriting). */
  compute(podSpec: unknown, out: Float64Array, basePath: FieldPath = []): void {
    const k = this.names.length;
    const sum = this.sum;
    const sidecars = this.sidecars;
    const initNeed = this.initNeed;
    // A plain loop: fill() is a builtin call, too dear for two or three slots per pod.
    for (let i = 0; i < k; i++) {
      sum[i] = 0;
      sidecars[i] = 0;
      initNeed[i] = 0;
    }
    const spec = asRecord(podSpec);
    const containers = asArray(spec?.['containers']);
    const one = this.container;
    for (let c = 0; c < containers.length; c++) {
      const resources = asRecord(asRecord(containers[c])?.['resources']);
      if (resources === undefined) continue;
      this.containerRequests(resources, basePath, 'containers', c);
      for (let i = 0; i < k; i++) sum[i] += one[i] as number;
    }
    const inits = asArray(spec?.['initContainers']);
    for (let c = 0; c < inits.length; c++) {
      const container = asRecord(inits[c]);
      const resources = asRecord(container?.['resources']);
      const sidecar = container?.['restartPolicy'] === 'Always';
      if (resources === undefined) for (let i = 0; i < k; i++) one[i] = 0;
      else this.containerRequests(resources, basePath, 'initContainers', c);
      for (let i = 0; i < k; i++) {
        const v = one[i] as number;
        if (sidecar) {
          sum[i] += v;
          sidecars[i] += v;
          if (sidecars[i] > initNeed[i]) initNeed[i] = sidecars[i];
        } else if (v + sidecars[i] > initNeed[i]) {
          initNeed[i] = v + sidecars[i];
        }
      }
    }
    for (let i = 0; i < k; i++) if (initNeed[i] > sum[i]) sum[i] = initNeed[i];

    const podResources = asRecord(spec?.['resources']);
    if (podResources !== undefined) this.applyPodLevel(spec as UnknownRecord, podResources, sum, basePath);
    const overhead = asRecord(spec?.['overhead']);
    if (overhead !== undefined) {
      for (let i = 0; i < k; i++) {
        const name = this.names[i] as string;
        const q = quantityEntry(overhead, name);
        if (q === undefined) continue;
        const v = this.value(q, i);
        sum[i] += Number.isNaN(v) ? this.invalid(name, q, [...basePath, 'overhead', name]) : v;
      }
    }
    for (let i = 0; i < k; i++) out[i] = i === this.cpuIndex ? Math.ceil(sum[i] / 1e6) : sum[i];
  }

  // SetDefaults_Pod: a limit stands in for a missing request of the same container. The maps
  // are walked with for-in (limits first, then requests, which win): V8 reads the values by
  // field index there, where a lookup per resource name would be a megamorphic keyed load.
  private containerRequests(resources: UnknownRecord, basePath: FieldPath, list: string, index: number): void {
    const one = this.container;
    for (let i = 0; i < one.length; i++) one[i] = 0;
    const limits = asRecord(resources['limits']);
    if (limits !== undefined) this.readList(limits, basePath, list, index, 'limits');
    const requests = asRecord(resources['requests']);
    if (requests !== undefined) this.readList(requests, basePath, list, index, 'requests');
  }

  private readList(
    record: UnknownRecord,
    basePath: FieldPath,
    list: string,
    index: number,
    kind: 'limits' | 'requests',
  ): void {
    const names = this.names;
    const one = this.container;
    for (const key in record) {
      let i = 0;
      while (i < names.length && names[i] !== key) i++;
      if (i === names.length) continue;
      const q = record[key];
      if (q === undefined) continue;
      const v = this.value(q, i);
      one[i] = Number.isNaN(v) ? this.invalid(key, q, [...basePath, list, index, 'resources', kind, key]) : v;
    }
  }

  // defaultPodRequests + IsPodLevelRequestsSet + applyPodLevelResources: for cpu, memory and
  // hugepages a pod-level request wins; a missing one defaults to the pod-level limit unless
  // containers already request that (overcommittable) resource.
  private applyPodLevel(
    spec: UnknownRecord,
    podResources: UnknownRecord,
    sum: Float64Array,
    basePath: FieldPath,
  ): void {
    const requests = asRecord(podResources['requests']);
    const limits = asRecord(podResources['limits']);
    const hasLimits = limits !== undefined && Object.keys(limits).length > 0;
    for (let i = 0; i < this.names.length; i++) {
      const name = this.names[i] as string;
      if (!isPodLevelResource(name)) continue;
      if (requests !== undefined && Object.hasOwn(requests, name)) {
        const v = this.value(requests[name], i);
        sum[i] = Number.isNaN(v) ? this.invalid(name, requests[name], [...basePath, 'resources', 'requests', name]) : v;
      } else if (hasLimits && Object.hasOwn(limits, name)) {
        const overcommittable = name === 'cpu' || name === 'memory';
        if (!(overcommittable && containersRequest(spec, name))) {
          const v = this.value(limits[name], i);
          sum[i] = Number.isNaN(v) ? this.invalid(name, limits[name], [...basePath, 'resources', 'limits', name]) : v;
        }
      }
    }
  }

  /** The amount in the unit kept for resource i (nanocores for cpu); NaN when invalid. */
  private value(q: unknown, i: number): number {
    return i === this.cpuIndex ? this.reader.nanos(q) : this.reader.units(q);
  }

  /** Reports an invalid quantity (its path is built only here) and counts it as 0. */
  private invalid(resource: string, value: unknown, path: FieldPath): number {
    this.onInvalid?.({ resource, value, path });
    return 0;
  }
}

function isPodLevelResource(name: string): boolean {
  return name === 'cpu' || name === 'memory' || name.startsWith('hugepages-');
}

/** Whether any container, init container included, requests (or limits) the resource. */
function containersRequest(spec: UnknownRecord, name: string): boolean {
  for (const list of [spec['containers'], spec['initContainers']]) {
    for (const c of asArray(list)) {
      const resources = asRecord(asRecord(c)?.['resources']);
      if (
        Object.hasOwn(asRecord(resources?.['requests']) ?? {}, name) ||
        Object.hasOwn(asRecord(resources?.['limits']) ?? {}, name)
      )
        return true;
    }
  }
  return false;
}

/** Exact sums per resource; null where a quantity does not parse. */
export type ExactResourceList = Map<string, ExactQuantity | null>;

function exactRequestsOf(container: unknown): ExactResourceList {
  const out: ExactResourceList = new Map();
  const requests = asRecord(asRecord(asRecord(container)?.['resources'])?.['requests']);
  if (requests !== undefined)
    for (const name of Object.keys(requests)) out.set(name, exactQuantity(requests[name]) ?? null);
  return out;
}

/** addResourceList */
function addExactInto(sums: ExactResourceList, more: ExactResourceList): void {
  for (const [name, q] of more) {
    const have = sums.get(name);
    if (have === undefined) sums.set(name, q);
    else sums.set(name, have === null || q === null ? null : addExact(have, q));
  }
}

/** maxResourceList */
function maxExactInto(sums: ExactResourceList, more: ExactResourceList): void {
  for (const [name, q] of more) {
    const have = sums.get(name);
    if (have === undefined) sums.set(name, q);
    else if (have !== null && (q === null || compareExact(q, have) > 0)) sums.set(name, q);
  }
}

/**
 * resourcehelper.AggregateContainerRequests, exactly, on the requests as written (no defaulting
 * of limits into requests, no pod-level resources, no overhead): the validation's view of a pod
 * template (validatePodResourceConsistency). The same aggregation rule as PodRequestCalculator,
 * which does it in floating point on the created pod for the scheduler (a test checks that they
 * agree): regular containers and sidecars (init containers with restartPolicy Always) are summed;
 * every other init container needs its own requests plus the sidecars started before it; the pod
 * needs the larger.
 */
export function aggregateContainerRequestsExact(podSpec: unknown): ExactResourceList {
  const spec = asRecord(podSpec);
  const result: ExactResourceList = new Map();
  for (const c of asArray(spec?.['containers'])) addExactInto(result, exactRequestsOf(c));
  const sidecars: ExactResourceList = new Map();
  const initNeed: ExactResourceList = new Map();
  for (const c of asArray(spec?.['initContainers'])) {
    const own = exactRequestsOf(c);
    let need: ExactResourceList;
    if (asRecord(c)?.['restartPolicy'] === 'Always') {
      addExactInto(result, own);
      addExactInto(sidecars, own);
      need = sidecars;
    } else {
      need = new Map();
      addExactInto(need, own);
      addExactInto(need, sidecars);
    }
    maxExactInto(initNeed, need);
  }
  maxExactInto(result, initNeed);
  return result;
}

/** Every resource name the pod spec mentions in requests, limits, pod-level resources or overhead. */
export function requestedResourceNames(podSpec: unknown): string[] {
  const names = new Set<string>();
  const spec = asRecord(podSpec);
  const addKeys = (list: unknown): void => {
    const record = asRecord(list);
    if (record !== undefined) for (const key of Object.keys(record)) names.add(key);
  };
  for (const list of [spec?.['containers'], spec?.['initContainers']]) {
    for (const c of asArray(list)) {
      const resources = asRecord(asRecord(c)?.['resources']);
      addKeys(resources?.['requests']);
      addKeys(resources?.['limits']);
    }
  }
  const podResources = asRecord(spec?.['resources']);
  addKeys(podResources?.['requests']);
  addKeys(podResources?.['limits']);
  addKeys(spec?.['overhead']);
  return [...names].sort();
}

/**
 * The pod's effective requests as the scheduler counts them: cpu in millicores, every other
 * resource in base units (bytes, devices), rounded up. Invalid quantities count as 0.
 */
export function podRequests(podSpec: PodSpec | undefined): ResourceAmounts {
  const names = requestedResourceNames(podSpec);
  const calculator = new PodRequestCalculator(names, new QuantityReader());
  const out = new Float64Array(names.length);
  calculator.compute(podSpec, out);
  const result: ResourceAmounts = {};
  names.forEach((name, i) => {
    result[name] = out[i] as number;
  });
  return result;
}

/** The node's allocatable list, defaulting to capacity as SetDefaults_NodeStatus does. */
export function nodeAllocatable(node: unknown): ResourceList | undefined {
  const status = asRecord(asRecord(node)?.['status']);
  const allocatable = asRecord(status?.['allocatable']);
  if (allocatable !== undefined) return allocatable as ResourceList;
  const capacity = asRecord(status?.['capacity']);
  return capacity === undefined ? undefined : (capacity as ResourceList);
}

/** "200m" / "2" for cpu millicores; the largest exact unit for bytes; plain count otherwise. */
export function formatAmount(resource: string, amount: number): string {
  if (!Number.isFinite(amount)) return String(amount);
  if (resource === 'cpu') return amount % 1000 === 0 ? `${amount / 1000}` : `${amount}m`;
  const kind = resourceKind(resource);
  const bytes = resource === 'memory' || resource === 'ephemeral-storage' || resource.startsWith('hugepages-');
  if (!bytes || kind === 'pods' || amount === 0) return `${amount}`;
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  // An exact unit a human would write (128Mi, 10M); else about so many of the largest binary
  // unit (38965248 bytes reads "~37.2Mi", not "38052Ki").
  for (const [suffix, size] of BYTE_UNITS) {
    if (abs >= size && abs % size === 0 && abs / size < 1024) return `${sign}${abs / size}${suffix}`;
  }
  for (const [suffix, size] of BYTE_UNITS) {
    if (suffix.endsWith('i') && abs >= size) return `~${sign}${(abs / size).toFixed(1)}${suffix}`;
  }
  return `${amount}`;
}

export function resourceLabel(resource: string): string {
  return resource === 'cpu' ? 'CPU' : resource;
}

const BYTE_UNITS: ReadonlyArray<readonly [string, number]> = [
  ['Ei', 2 ** 60],
  ['Pi', 2 ** 50],
  ['Ti', 2 ** 40],
  ['Gi', 2 ** 30],
  ['Mi', 2 ** 20],
  ['Ki', 2 ** 10],
  ['E', 1e18],
  ['P', 1e15],
  ['T', 1e12],
  ['G', 1e9],
  ['M', 1e6],
  ['k', 1e3],
];
