// Turns API-shaped JSON (from a snapshot file or the live client) into the engine's Node and
// Pod types: keeps only the fields the engine reads, writes quantities as strings, turns Date
// objects (the client library's deserialiser makes them) into ISO strings and treats `null`
// as absent, the way the API server does. A wrong shape throws ObjectShapeError naming the
// object and the field, so a loader can say exactly what is wrong.
import type {
  Container,
  ContainerPort,
  Node,
  NodeAffinity,
  NodeCondition,
  NodeSelectorRequirement,
  NodeSelectorTerm,
  ObjectMeta,
  Pod,
  PodSpec,
  QuantityValue,
  ResourceList,
  Taint,
  Toleration,
} from '../placement/types';

export class ObjectShapeError extends Error {
  constructor(
    readonly object: string,
    readonly field: string,
    problem: string,
  ) {
    super(`${object}: ${field} ${problem}`);
    this.name = 'ObjectShapeError';
  }
}

type Json = unknown;
type Obj = Record<string, unknown>;

function isObj(v: Json): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** Reads one object with a name for error messages; every getter treats null as absent. */
class Reader {
  constructor(
    private readonly what: string,
    private readonly path: string,
    private readonly value: Obj,
  ) {}

  private fail(key: string, problem: string): never {
    throw new ObjectShapeError(this.what, this.path ? `${this.path}.${key}` : key, problem);
  }

  has(key: string): boolean {
    return this.value[key] !== undefined && this.value[key] !== null;
  }

  child(key: string): Reader | undefined {
    const v = this.value[key];
    if (v === undefined || v === null) return undefined;
    if (!isObj(v)) this.fail(key, `must be a mapping, not ${describe(v)}`);
    return new Reader(this.what, this.path ? `${this.path}.${key}` : key, v);
  }

  list(key: string): Reader[] | undefined {
    const v = this.value[key];
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v)) this.fail(key, `must be a list, not ${describe(v)}`);
    const base = this.path ? `${this.path}.${key}` : key;
    return v.map((item, i) => {
      if (!isObj(item))
        throw new ObjectShapeError(this.what, `${base}[${i}]`, `must be a mapping, not ${describe(item)}`);
      return new Reader(this.what, `${base}[${i}]`, item);
    });
  }

  /** Scalars become strings, as the API would have stored them (labels: `true` → "true"). */
  str(key: string): string | undefined {
    const v = this.value[key];
    if (v === undefined || v === null) return undefined;
    if (v instanceof Date) return v.toISOString();
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return this.fail(key, `must be a string, not ${describe(v)}`);
  }

  num(key: string): number | undefined {
    const v = this.value[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v);
    return this.fail(key, `must be a number, not ${describe(v)}`);
  }

  bool(key: string): boolean | undefined {
    const v = this.value[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'boolean') return v;
    return this.fail(key, `must be true or false, not ${describe(v)}`);
  }

  stringMap(key: string): Record<string, string> | undefined {
    const m = this.child(key);
    if (!m) return undefined;
    const out: Record<string, string> = {};
    for (const k of Object.keys(m.value)) {
      const s = m.str(k);
      out[k] = s ?? '';
    }
    return out;
  }

  stringList(key: string): string[] | undefined {
    const v = this.value[key];
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v)) this.fail(key, `must be a list, not ${describe(v)}`);
    return v.map((item, i) => {
      if (typeof item === 'string') return item;
      if (typeof item === 'number' || typeof item === 'boolean') return String(item);
      return this.fail(`${key}[${i}]`, `must be a string, not ${describe(item)}`);
    });
  }

  /** Quantities: "100m", "1Gi", or a YAML number such as `cpu: 32`, kept as the string "32". */
  resources(key: string): ResourceList | undefined {
    const m = this.child(key);
    if (!m) return undefined;
    const out: ResourceList = {};
    for (const k of Object.keys(m.value)) {
      if (m.value[k] === null) continue;
      const q = quantity(m.value[k]);
      if (q === undefined) m.fail(k, `must be a quantity such as "500m" or "2Gi", not ${describe(m.value[k])}`);
      else out[k] = q;
    }
    return out;
  }
}

function quantity(v: Json): QuantityValue | undefined {
  if (typeof v === 'string') return v.trim();
  // A YAML number is what `kubectl` would have sent as the same digits; String() keeps them
  // exactly for every integer below 2^53 and writes 0.5 as "0.5", which the API also accepts.
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

function describe(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (v instanceof Date) return 'a timestamp';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return `${typeof v} ${String(v)}`;
}

function setIf<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

function readMeta(r: Reader | undefined, withOwners: boolean): ObjectMeta {
  const meta: ObjectMeta = {};
  if (!r) return meta;
  setIf(meta, 'name', r.str('name'));
  setIf(meta, 'namespace', r.str('namespace'));
  setIf(meta, 'labels', r.stringMap('labels'));
  setIf(meta, 'annotations', r.stringMap('annotations'));
  setIf(meta, 'uid', r.str('uid'));
  setIf(meta, 'creationTimestamp', r.str('creationTimestamp'));
  if (withOwners) {
    const owners = r.list('ownerReferences');
    if (owners) {
      meta.ownerReferences = owners.map((o) => {
        const ref: NonNullable<ObjectMeta['ownerReferences']>[number] = {};
        setIf(ref, 'kind', o.str('kind'));
        setIf(ref, 'name', o.str('name'));
        setIf(ref, 'uid', o.str('uid'));
        setIf(ref, 'controller', o.bool('controller'));
        return ref;
      });
    }
  }
  return meta;
}

function readTaint(t: Reader): Taint {
  const taint: Taint = { key: t.str('key') ?? '', effect: t.str('effect') ?? '' };
  setIf(taint, 'value', t.str('value'));
  setIf(taint, 'timeAdded', t.str('timeAdded'));
  return taint;
}

function readCondition(c: Reader): NodeCondition {
  // Fixtures in the wild carry `type: ""`; the engine only looks for the types it knows.
  const cond: NodeCondition = { type: c.str('type') ?? '', status: c.str('status') ?? '' };
  setIf(cond, 'reason', c.str('reason'));
  setIf(cond, 'message', c.str('message'));
  return cond;
}

/** `objectName` names the object in errors, e.g. `Node "worker-1"` or `items[3]`. */
export function toNode(raw: Json, objectName: string): Node {
  if (!isObj(raw)) throw new ObjectShapeError(objectName, 'the object', `must be a mapping, not ${describe(raw)}`);
  const r = new Reader(objectName, '', raw);
  const metaReader = r.child('metadata');
  const name = metaReader?.str('name');
  if (!name) throw new ObjectShapeError(objectName, 'metadata.name', 'is missing: every Node needs a name');
  const what = `Node ${JSON.stringify(name)}`;
  const n = new Reader(what, '', raw);
  const node: Node = {
    apiVersion: n.str('apiVersion') ?? 'v1',
    kind: 'Node',
    metadata: readMeta(n.child('metadata'), false),
  };

  const spec = n.child('spec');
  if (spec) {
    const s: NonNullable<Node['spec']> = {};
    const taints = spec.list('taints');
    if (taints) s.taints = taints.map(readTaint);
    setIf(s, 'unschedulable', spec.bool('unschedulable'));
    setIf(s, 'providerID', spec.str('providerID'));
    setIf(s, 'podCIDR', spec.str('podCIDR'));
    node.spec = s;
  }

  const status = n.child('status');
  if (status) {
    const st: NonNullable<Node['status']> = {};
    setIf(st, 'allocatable', status.resources('allocatable'));
    setIf(st, 'capacity', status.resources('capacity'));
    const conditions = status.list('conditions');
    if (conditions) st.conditions = conditions.map(readCondition);
    const info = status.child('nodeInfo');
    if (info) {
      const ni: NonNullable<NonNullable<Node['status']>['nodeInfo']> = {};
      setIf(ni, 'architecture', info.str('architecture'));
      setIf(ni, 'operatingSystem', info.str('operatingSystem'));
      setIf(ni, 'kubeletVersion', info.str('kubeletVersion'));
      st.nodeInfo = ni;
    }
    node.status = st;
  }
  return node;
}

function readRequirement(r: Reader): NodeSelectorRequirement {
  const req: NodeSelectorRequirement = { key: r.str('key') ?? '', operator: r.str('operator') ?? '' };
  setIf(req, 'values', r.stringList('values'));
  return req;
}

function readTerm(r: Reader): NodeSelectorTerm {
  const term: NodeSelectorTerm = {};
  const exprs = r.list('matchExpressions');
  if (exprs) term.matchExpressions = exprs.map(readRequirement);
  const fields = r.list('matchFields');
  if (fields) term.matchFields = fields.map(readRequirement);
  return term;
}

function readNodeAffinity(r: Reader): NodeAffinity {
  const aff: NodeAffinity = {};
  const req = r.child('requiredDuringSchedulingIgnoredDuringExecution');
  if (req) {
    const terms = req.list('nodeSelectorTerms');
    aff.requiredDuringSchedulingIgnoredDuringExecution = terms ? { nodeSelectorTerms: terms.map(readTerm) } : {};
  }
  const pref = r.list('preferredDuringSchedulingIgnoredDuringExecution');
  if (pref) {
    aff.preferredDuringSchedulingIgnoredDuringExecution = pref.map((p) => {
      const item: { weight?: number; preference?: NodeSelectorTerm } = {};
      setIf(item, 'weight', p.num('weight'));
      const preference = p.child('preference');
      if (preference) item.preference = readTerm(preference);
      return item;
    });
  }
  return aff;
}

function readToleration(r: Reader): Toleration {
  const t: Toleration = {};
  setIf(t, 'key', r.str('key'));
  setIf(t, 'operator', r.str('operator'));
  setIf(t, 'value', r.str('value'));
  setIf(t, 'effect', r.str('effect'));
  setIf(t, 'tolerationSeconds', r.num('tolerationSeconds'));
  return t;
}

function readPort(r: Reader): ContainerPort {
  const p: ContainerPort = {};
  setIf(p, 'name', r.str('name'));
  setIf(p, 'containerPort', r.num('containerPort'));
  setIf(p, 'hostPort', r.num('hostPort'));
  setIf(p, 'hostIP', r.str('hostIP'));
  setIf(p, 'protocol', r.str('protocol'));
  return p;
}

function readResources(r: Reader | undefined): Container['resources'] | undefined {
  if (!r) return undefined;
  const res: NonNullable<Container['resources']> = {};
  setIf(res, 'requests', r.resources('requests'));
  setIf(res, 'limits', r.resources('limits'));
  return res;
}

function readContainer(r: Reader): Container {
  const c: Container = {};
  setIf(c, 'name', r.str('name'));
  setIf(c, 'image', r.str('image'));
  const ports = r.list('ports');
  if (ports) c.ports = ports.map(readPort);
  setIf(c, 'resources', readResources(r.child('resources')));
  setIf(c, 'restartPolicy', r.str('restartPolicy'));
  return c;
}

function readPodSpec(r: Reader): PodSpec {
  const spec: PodSpec = {};
  setIf(spec, 'nodeName', r.str('nodeName'));
  setIf(spec, 'nodeSelector', r.stringMap('nodeSelector'));
  const nodeAffinity = r.child('affinity')?.child('nodeAffinity');
  if (nodeAffinity) spec.affinity = { nodeAffinity: readNodeAffinity(nodeAffinity) };
  const tolerations = r.list('tolerations');
  if (tolerations) spec.tolerations = tolerations.map(readToleration);
  setIf(spec, 'hostNetwork', r.bool('hostNetwork'));
  const containers = r.list('containers');
  if (containers) spec.containers = containers.map(readContainer);
  const inits = r.list('initContainers');
  if (inits) spec.initContainers = inits.map(readContainer);
  setIf(spec, 'overhead', r.resources('overhead'));
  setIf(spec, 'resources', readResources(r.child('resources')));
  setIf(spec, 'priorityClassName', r.str('priorityClassName'));
  return spec;
}

export function toPod(raw: Json, objectName: string): Pod {
  if (!isObj(raw)) throw new ObjectShapeError(objectName, 'the object', `must be a mapping, not ${describe(raw)}`);
  const metaReader = new Reader(objectName, '', raw).child('metadata');
  const name = metaReader?.str('name');
  if (!name) throw new ObjectShapeError(objectName, 'metadata.name', 'is missing: every Pod needs a name');
  const ns = metaReader?.str('namespace');
  const r = new Reader(`Pod ${JSON.stringify(ns ? `${ns}/${name}` : name)}`, '', raw);
  const pod: Pod = { metadata: readMeta(r.child('metadata'), true) };
  const spec = r.child('spec');
  if (spec) pod.spec = readPodSpec(spec);
  const phase = r.child('status')?.str('phase');
  if (phase !== undefined) pod.status = { phase };
  return pod;
}
