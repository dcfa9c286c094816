// Strategic merge patch of a DaemonSet, the way apimachinery's strategicpatch applies one
// (staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go, mergeMap/mergeSlice):
// mappings merge key by key, `null` deletes a key, `$patch: replace` replaces a mapping, lists
// with a patch merge key merge item by item (`$patch: delete` removes an item), other lists are
// replaced. The merge keys are those of the Kubernetes types (`patchMergeKey` struct tags in
// k8s.io/api/core/v1/types.go and apps/v1/types.go) on the paths a DaemonSet has.

type Json = unknown;
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Merge keys by field name: the field names are unique enough within a DaemonSet. */
const MERGE_KEYS: Record<string, string> = {
  // PodSpec
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
  resourceClaims: 'name',
  schedulingGates: 'name',
  // Container
  env: 'name',
  ports: 'containerPort',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  // ObjectMeta
  ownerReferences: 'uid',
};

export function strategicMerge(original: Json, patch: Json, field?: string): Json {
  if (!isObj(patch)) {
    if (Array.isArray(patch) && Array.isArray(original) && field !== undefined && MERGE_KEYS[field]) {
      return mergeList(original, patch, MERGE_KEYS[field]!);
    }
    return clone(patch);
  }
  if (patch['$patch'] === 'replace') {
    const out = clone(patch) as Obj;
    delete out['$patch'];
    return out;
  }
  if (patch['$patch'] === 'delete') return undefined;
  const out: Obj = isObj(original) ? { ...original } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) continue;
    if (value === null) {
      delete out[key];
      continue;
    }
    const merged = strategicMerge(out[key], value, key);
    if (merged === undefined) delete out[key];
    else out[key] = merged;
  }
  return out;
}

function mergeList(original: unknown[], patch: unknown[], key: string): unknown[] {
  const out = original.map(clone);
  for (const item of patch) {
    if (!isObj(item) || item[key] === undefined) {
      out.push(clone(item));
      continue;
    }
    const at = out.findIndex((o) => isObj(o) && o[key] === item[key]);
    if (item['$patch'] === 'delete') {
      if (at >= 0) out.splice(at, 1);
      continue;
    }
    if (at >= 0) out[at] = strategicMerge(out[at], item);
    else {
      const added = clone(item) as Obj;
      delete added['$patch'];
      out.push(added);
    }
  }
  return out;
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}
