// Checks every field against the Kubernetes 1.36 schema, the way the API server decodes a
// request with strict field validation (fieldValidation=Strict, kubectl's default since 1.27):
// unknown fields, values of the wrong JSON type (including what YAML 1.1 turns into booleans and
// numbers), enum values, quantity syntax and missing required fields.
import { Document, isAlias, isMap, isScalar, isSeq, Node as YamlNode, Pair, Scalar, YAMLMap } from 'yaml';
import { FieldPath, formatPath, scalarSource } from '../../model';
import { propertiesOf, property, rootSchema, SchemaNode } from '../../schema/schema';
import { notSupported, required } from './fieldErrors';
import { isValidQuantity, QUANTITY_REGEX } from '../../placement/quantityOrder';
import type { Reporter } from './reporter';

/** Visits per object before the walk gives up (aliases can make a small text a huge tree). */
const VISIT_BUDGET = 200_000;

// Enum fields whose empty value is defaulted rather than rejected (pkg/apis/*/v1/defaults.go).
const EMPTY_IS_DEFAULTED = new Set([
  'io.k8s.api.apps.v1.DaemonSetUpdateStrategy.type',
  'io.k8s.api.core.v1.Container.imagePullPolicy',
  'io.k8s.api.core.v1.Container.terminationMessagePolicy',
  'io.k8s.api.core.v1.ContainerPort.protocol',
  'io.k8s.api.core.v1.HTTPGetAction.scheme',
  'io.k8s.api.core.v1.PodSpec.dnsPolicy',
  'io.k8s.api.core.v1.PodSpec.restartPolicy',
  'io.k8s.api.core.v1.Toleration.effect',
  'io.k8s.api.core.v1.Toleration.operator',
]);

// Enum fields whose empty value is reported as missing (ValidatePreemptionPolicy: "" is Required).
const EMPTY_IS_REQUIRED = new Set(['io.k8s.api.core.v1.PodSpec.preemptionPolicy']);

// Enums checked by a rule of their own, with the API server's own wording.
const ENUM_CHECKED_ELSEWHERE = new Set([
  'io.k8s.api.core.v1.PodSpec.restartPolicy', // restartPolicyNotAlways (ValidateDaemonSetSpec)
  'io.k8s.api.core.v1.NodeSelectorRequirement.operator', // "not a valid selector operator"
  'io.k8s.api.apps.v1.DaemonSetUpdateStrategy.type', // NotSupported on spec.updateStrategy (ValidateDaemonSetUpdateStrategy)
  'io.k8s.api.core.v1.VolumeMount.mountPropagation', // NotSupported on volumeMounts.mountPropagation (validateMountPropagation)
  'io.k8s.api.core.v1.VolumeMount.recursiveReadOnly', // validateMountRecursiveReadOnly
  'io.k8s.api.core.v1.ContainerResizePolicy.resourceName', // NotSupported on resizePolicy (validateResizePolicy)
  'io.k8s.api.core.v1.ContainerResizePolicy.restartPolicy',
  'io.k8s.api.core.v1.HostPathVolumeSource.type', // validateHostPathType (sorted values)
  'io.k8s.api.core.v1.AzureDiskVolumeSource.cachingMode', // validateAzureDisk
  'io.k8s.api.core.v1.AzureDiskVolumeSource.kind',
  'io.k8s.api.core.v1.ImageVolumeSource.pullPolicy', // validateImageVolumeSource
  'io.k8s.api.core.v1.SeccompProfile.type', // validateSeccompProfileType: "" is only Required
]);

// Required in the OpenAPI document but accepted empty by validation, or reported by a rule.
const REQUIRED_NOT_ENFORCED = new Set([
  'io.k8s.api.apps.v1.DaemonSetSpec.selector', // selectorMissing
  'io.k8s.api.core.v1.ISCSIVolumeSource.lun', // 0 is a valid LUN
  'io.k8s.api.core.v1.HTTPHeader.value',
  'io.k8s.api.core.v1.Sysctl.value',
  'io.k8s.api.core.v1.PodAffinityTerm.topologyKey', // "can not be empty" (validatePodAffinityTerm)
  // Upstream reports these as Invalid (or at another path) when missing, from the rule that owns them:
  'io.k8s.api.apps.v1.DaemonSetSpec.template', // an empty template: label mismatch and containers Required
  'io.k8s.api.core.v1.TCPSocketAction.port', // port 0: "must be between 1 and 65535, inclusive"
  'io.k8s.api.core.v1.HTTPGetAction.port',
  'io.k8s.api.core.v1.GRPCAction.port',
  'io.k8s.api.core.v1.HTTPHeader.name', // IsHTTPHeaderName("")
  'io.k8s.api.core.v1.HostAlias.ip', // IsValidIP("")
  'io.k8s.api.core.v1.NodeSelectorRequirement.key', // ValidateLabelName("")
  'io.k8s.api.core.v1.NodeSelectorRequirement.operator', // "not a valid selector operator"
  'io.k8s.api.core.v1.ContainerRestartRule.action', // NotSupported (validateContainerRestartPolicy)
  'io.k8s.api.core.v1.ContainerRestartRuleOnExitCodes.operator', // NotSupported (validateContainerRestartPolicy)
  'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement.key',
  'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement.operator',
  'io.k8s.api.core.v1.PreferredSchedulingTerm.weight', // weight 0: "must be in the range 1-100"
  'io.k8s.api.core.v1.PreferredSchedulingTerm.preference', // an empty term is valid
  'io.k8s.api.core.v1.WeightedPodAffinityTerm.weight',
  'io.k8s.api.core.v1.WeightedPodAffinityTerm.podAffinityTerm', // an empty term: topologyKey Required
  'io.k8s.api.core.v1.TopologySpreadConstraint.maxSkew', // 0: "must be greater than zero"
  'io.k8s.api.core.v1.TopologySpreadConstraint.whenUnsatisfiable', // NotSupported ""
  'io.k8s.api.core.v1.PodReadinessGate.conditionType', // ValidateQualifiedName("")
  'io.k8s.api.core.v1.PodSchedulingGate.name', // ValidateQualifiedName("")
  'io.k8s.api.core.v1.ResourceClaim.name', // Required on resources.claims[i] (validateResourceClaimNames)
  'io.k8s.api.core.v1.PodOS.name', // Required "cannot be empty" (validateOS)
  // validateOwnerReference: Invalid "… must not be empty" on metadata.ownerReferences.<field>
  'io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference.apiVersion',
  'io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference.kind',
  'io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference.name',
  'io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference.uid',
  'io.k8s.api.core.v1.ContainerResizePolicy.resourceName', // NotSupported on resizePolicy
  'io.k8s.api.core.v1.ContainerResizePolicy.restartPolicy', // Required on resizePolicy
  'io.k8s.api.core.v1.DownwardAPIVolumeFile.path', // Required on downwardAPI.path (no item index)
  'io.k8s.api.core.v1.ServiceAccountTokenProjection.path', // Required on projected.path
  'io.k8s.api.core.v1.ScaleIOVolumeSource.secretRef', // not checked by validateScaleIOVolumeSource
  'io.k8s.api.core.v1.SleepAction.seconds', // 0 is a valid sleep (PodLifecycleSleepActionAllowZero)
  'io.k8s.api.core.v1.QuobyteVolumeSource.registry', // Required with upstream's detail (validateQuobyteVolumeSource)
  'io.k8s.api.core.v1.PodOS.name',
]);

// Fields pasted from other workload kinds, with what to say instead of a spelling guess.
const FOREIGN_FIELDS: ReadonlyMap<string, string> = new Map([
  [
    'io.k8s.api.apps.v1.DaemonSetSpec.replicas',
    'a DaemonSet runs one pod on each eligible node, so it has no replicas (that is a Deployment field)',
  ],
  ['io.k8s.api.apps.v1.DaemonSetSpec.strategy', 'did you mean "updateStrategy"? (strategy is the Deployment field)'],
  [
    'io.k8s.api.apps.v1.DaemonSetSpec.progressDeadlineSeconds',
    'that is a Deployment field; DaemonSets have no equivalent',
  ],
  ['io.k8s.api.apps.v1.DaemonSetSpec.paused', 'that is a Deployment field; DaemonSets cannot be paused'],
  ['io.k8s.api.apps.v1.DaemonSetSpec.serviceName', 'that is a StatefulSet field'],
  ['io.k8s.api.apps.v1.DaemonSetSpec.podManagementPolicy', 'that is a StatefulSet field'],
  ['io.k8s.api.apps.v1.DaemonSetSpec.volumeClaimTemplates', 'that is a StatefulSet field; DaemonSet pods use volumes'],
  ['io.k8s.api.apps.v1.DaemonSetSpec.templateGeneration', 'it was removed with extensions/v1beta1'],
  ['io.k8s.api.apps.v1.RollingUpdateDaemonSet.partition', 'that is a StatefulSet field'],
]);

export interface QuoteFixData {
  /** What the user typed, to be written back as a quoted string. */
  quote: string;
}

export function checkAgainstSchema(r: Reporter): void {
  const walker = new SchemaWalker(r, r.obj.document);
  walker.walk(r.obj.node, rootSchema(), []);
}

class SchemaWalker {
  private visits = 0;

  constructor(
    private readonly r: Reporter,
    private readonly doc: Document.Parsed,
  ) {}

  walk(raw: unknown, schema: SchemaNode, path: FieldPath, fieldId?: string): void {
    if (++this.visits > VISIT_BUDGET) return;
    const node = this.deref(raw);
    if (node === null || node === undefined) return;
    if (isScalar(node) && (node.value === null || node.value === undefined)) return;
    switch (schema.type) {
      case 'any':
        return;
      case 'object':
        if (!isMap(node)) return this.wrongType(node, schema, path);
        return this.walkObject(node, schema, path);
      case 'map':
        if (!isMap(node)) return this.wrongType(node, schema, path);
        for (const [key, value] of this.pairsOf(node)) {
          if (schema.values) this.walk(value, schema.values, [...path, key]);
        }
        return;
      case 'array':
        if (!isSeq(node)) return this.wrongType(node, schema, path);
        node.items.forEach((item, i) => {
          if (schema.items) this.walk(item, schema.items, [...path, i]);
        });
        return;
      default:
        if (!isScalar(node)) return this.wrongType(node, schema, path);
        return this.checkScalar(node, schema, path, fieldId);
    }
  }

  private walkObject(node: YAMLMap, schema: SchemaNode, path: FieldPath): void {
    const present = new Set<string>();
    for (const [key, value, pair] of this.pairsOf(node)) {
      const prop = property(schema, key);
      if (!prop) {
        this.unknownField(schema, key, [...path, key], pair);
        continue;
      }
      const v = this.deref(value);
      const empty =
        v === null || v === undefined || (isScalar(v) && (v.value === null || v.value === undefined || v.value === ''));
      if (!empty) present.add(key);
      this.walk(value, prop.schema, [...path, key], `${schema.definition}.${key}`);
    }
    // Status is written by the controller; the API server ignores it on create.
    if (path[0] === 'status') return;
    for (const prop of propertiesOf(schema)) {
      if (!prop.required || present.has(prop.name)) continue;
      if (REQUIRED_NOT_ENFORCED.has(`${schema.definition}.${prop.name}`)) continue;
      this.r.error('requiredField', [...path, prop.name], required(), { required: true });
    }
  }

  private unknownField(schema: SchemaNode, key: string, path: FieldPath, pair: Pair | undefined): void {
    let message = `unknown field "${formatPath(path)}"`;
    const hint =
      FOREIGN_FIELDS.get(`${schema.definition}.${key}`) ??
      suggestion(
        key,
        propertiesOf(schema).map((p) => p.name),
      );
    if (hint) message += `; ${hint}`;
    // A key that arrives through a YAML merge (<<) has no pair of its own at this path.
    this.r.error('unknownField', path, message, { part: pair ? 'key' : 'value', keyOnly: true });
  }

  private checkScalar(node: Scalar, schema: SchemaNode, path: FieldPath, fieldId: string | undefined): void {
    const value = node.value;
    const got = jsonType(value);
    switch (schema.type) {
      case 'string':
      case 'time':
        if (got !== 'string') return this.wrongType(node, schema, path);
        break;
      case 'integer':
        if (got !== 'integer') return this.wrongType(node, schema, path);
        return;
      case 'number':
        if (got !== 'integer' && got !== 'number') return this.wrongType(node, schema, path);
        return;
      case 'boolean':
        if (got !== 'boolean') return this.wrongType(node, schema, path);
        return;
      case 'intOrString':
        if (got !== 'integer' && got !== 'string') return this.wrongType(node, schema, path);
        return;
      case 'quantity':
        if (got !== 'integer' && got !== 'number' && got !== 'string') return this.wrongType(node, schema, path);
        if (!isValidQuantity(value)) {
          const hint = quantityHint(String(value));
          this.r.error(
            'invalidQuantity',
            path,
            `quantities must match the regular expression '${QUANTITY_REGEX}'${hint}`,
          );
        }
        return;
      default:
        return;
    }
    if (typeof value !== 'string' || !schema.enum || !fieldId || ENUM_CHECKED_ELSEWHERE.has(fieldId)) return;
    if (value === '' && EMPTY_IS_DEFAULTED.has(fieldId)) return;
    if (value === '' && EMPTY_IS_REQUIRED.has(fieldId)) return this.r.error('requiredField', path, required());
    if (!schema.enum.includes(value)) this.r.error('unsupportedValue', path, notSupported(value, schema.enum));
  }

  private wrongType(node: YamlNode, schema: SchemaNode, path: FieldPath): void {
    const got = isMap(node) ? 'object' : isSeq(node) ? 'array' : jsonType((node as Scalar).value);
    const expected = expectedName(schema);
    let message = `got "${got}", expected "${expected}"`;
    let data: QuoteFixData | undefined;
    const wantsString =
      schema.type === 'string' || schema.type === 'intOrString' || schema.type === 'quantity' || schema.type === 'time';
    if (
      isScalar(node) &&
      node.type === 'PLAIN' &&
      wantsString &&
      (got === 'boolean' || got === 'integer' || got === 'number')
    ) {
      const typed = scalarSource(this.r.model, node) ?? String(node.value);
      message += `; YAML 1.1 reads unquoted ${typed} as ${got === 'boolean' ? 'a boolean' : 'a number'}, quote it: "${typed}"`;
      data = { quote: typed };
    }
    this.r.error('wrongType', path, message, data ? { data } : {});
  }

  /** A map's entries by key name, following YAML merge keys (<<) the way the decoder does. */
  private pairsOf(map: YAMLMap, depth = 0): Array<[string, unknown, Pair | undefined]> {
    const own: Array<[string, unknown, Pair | undefined]> = [];
    const merged: Array<[string, unknown, Pair | undefined]> = [];
    for (const item of map.items) {
      const key = item.key;
      if (isScalar(key) && typeof key.value === 'symbol') {
        if (depth > 8) continue;
        const src = this.deref(item.value);
        const sources = isSeq(src) ? src.items.map((s) => this.deref(s)) : [src];
        for (const m of sources) {
          if (isMap(m)) for (const [k, v] of this.pairsOf(m, depth + 1)) merged.push([k, v, undefined]);
        }
        continue;
      }
      if (!isScalar(key)) continue;
      own.push([String(key.value), item.value, item]);
    }
    const ownKeys = new Set(own.map(([k]) => k));
    return [...merged.filter(([k]) => !ownKeys.has(k)), ...own];
  }

  private deref(node: unknown): YamlNode | null | undefined {
    let cur = node;
    for (let i = 0; i < 16 && isAlias(cur); i++) cur = cur.resolve(this.doc);
    return cur as YamlNode | null | undefined;
  }
}

/** The JSON type name of a YAML 1.1 value, as kubectl's validation names it. */
export function jsonType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number' || typeof value === 'bigint')
    return Number.isInteger(Number(value)) ? 'integer' : 'number';
  // YAML 1.1 timestamps reach the API server as strings.
  if (typeof value === 'string' || value instanceof Date) return 'string';
  if (Array.isArray(value)) return 'array';
  return 'object';
}

function expectedName(schema: SchemaNode): string {
  switch (schema.type) {
    case 'map':
      return 'object';
    case 'intOrString':
      return 'integer or string';
    case 'quantity':
      return 'string or number';
    case 'time':
      return 'string';
    default:
      return schema.type;
  }
}

/** "128MB" is the usual mistake: suggest the binary suffix Kubernetes understands. */
function quantityHint(text: string): string {
  const m = /^\s*([0-9.]+)\s*([kKMGTPE])[bB]\s*$/.exec(text);
  if (m) {
    const unit = m[2]!.toUpperCase() === 'K' ? 'Ki' : `${m[2]!.toUpperCase()}i`;
    return `; did you mean "${m[1]}${unit}"?`;
  }
  if (/^\s*[0-9.]+\s+[a-zA-Z]+\s*$/.test(text)) return '; remove the space between the number and the unit';
  return '';
}

/** A known field the user probably meant: same letters in another case, or a small typo. */
export function suggestion(key: string, candidates: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const sameCase = candidates.find((c) => c.toLowerCase() === lower);
  if (sameCase) return `did you mean "${sameCase}"?`;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= 2 && bestDistance < key.length / 2
    ? `did you mean "${best}"?`
    : undefined;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
