// Lookups over the generated Kubernetes 1.36 schema (k8s-schema.json, written by
// scripts/gen-schema.mjs). The JSON is imported so esbuild bundles it; nodes are built on first
// use and cached, so only the parts of the API a document touches cost memory.
import schemaData from './k8s-schema.json';
import { curatedDefault } from './curatedDefaults';

export type ValueType =
  | 'object'
  | 'array'
  | 'map'
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'quantity'
  | 'intOrString'
  | 'time'
  | 'any';

export interface SchemaNode {
  type: ValueType;
  /** As `kubectl explain` writes it: "DaemonSetUpdateStrategy", "[]Container", "map[string]string", "Quantity", "Object". */
  explainType: string;
  /** The field's official description (at a definition root or an array item: the definition's). */
  description: string;
  /** The definition id behind this value, e.g. "io.k8s.api.core.v1.PodSpec". */
  definition?: string;
  enum?: readonly string[];
  /** int32, int64, date-time, … */
  format?: string;
  /** From "Defaults to …" in the description or the curated table; may be the empty string. */
  default?: string;
  items?: SchemaNode;
  values?: SchemaNode;
  /** Arrays: x-kubernetes-list-type ("atomic", "set", "map"). */
  listType?: string;
  /** Arrays with listType "map": the keys that identify an item (x-kubernetes-list-map-keys). */
  listMapKeys?: readonly string[];
}

export interface SchemaProperty {
  name: string;
  required: boolean;
  schema: SchemaNode;
}

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

export interface SchemaHeader {
  attribution: string;
  license: string;
  root: string;
  source: string;
  sourceSha256: string;
  enumsSha256: string;
  generatorVersion: number;
}

export const DAEMONSET = 'io.k8s.api.apps.v1.DaemonSet';

const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
const TIME_DEFINITIONS = new Set([
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time',
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime',
]);

/** The shape of one field in k8s-schema.json (see ARCHITECTURE.md, "Schema format"). */
interface CompactField {
  ref?: string;
  type?: string;
  format?: string;
  description?: string;
  items?: CompactField;
  values?: CompactField;
  listType?: string;
  listMapKeys?: string[];
  enum?: string[];
  default?: string;
}

interface CompactDefinition {
  description?: string;
  type?: string;
  format?: string;
  gvk?: GroupVersionKind[];
  required?: string[];
  properties?: Record<string, CompactField>;
}

interface CompactSchema {
  header: SchemaHeader;
  definitions: Record<string, CompactDefinition>;
}

const data = schemaData as unknown as CompactSchema;

/** Where the schema comes from: attribution, source hash and generator version. */
export const schemaHeader: Readonly<SchemaHeader> = Object.freeze({ ...data.header });

// What a value under a free-form object ('any') is: anything, undocumented.
const ANY: SchemaNode = Object.freeze({ type: 'any', explainType: 'Object', description: '' });

const rootCache = new Map<string, SchemaNode>();
const propertyCache = new Map<
  string,
  { list: readonly SchemaProperty[]; byName: ReadonlyMap<string, SchemaProperty> }
>();

/** True when the schema holds `definition` (only the DaemonSet closure is generated). */
export function hasDefinition(definition: string): boolean {
  return Object.prototype.hasOwnProperty.call(data.definitions, definition);
}

/** The group/version/kind a top-level definition is served as, e.g. apps/v1 DaemonSet. */
export function groupVersionKind(definition: string = DAEMONSET): GroupVersionKind | undefined {
  const gvk = hasDefinition(definition) ? data.definitions[definition]?.gvk?.[0] : undefined;
  return gvk ? { group: gvk.group, version: gvk.version, kind: gvk.kind } : undefined;
}

/** The node of a whole definition (default: DaemonSet). Throws for a definition not in the schema. */
export function rootSchema(definition: string = DAEMONSET): SchemaNode {
  const cached = rootCache.get(definition);
  if (cached) return cached;
  if (!hasDefinition(definition)) throw new Error(`schema has no definition ${definition}`);
  const node = Object.freeze(refNode(definition, undefined));
  rootCache.set(definition, node);
  return node;
}

/**
 * The node at `path` below the root definition (default DaemonSet): numbers step into arrays,
 * strings into object properties or map values. Anything below a free-form object is 'any'.
 * Undefined when the path leaves the schema.
 */
export function schemaAtPath(path: ReadonlyArray<string | number>, root: string = DAEMONSET): SchemaNode | undefined {
  if (!hasDefinition(root)) return undefined;
  let node: SchemaNode | undefined = rootSchema(root);
  for (const step of path) {
    if (node === undefined) return undefined;
    node = stepInto(node, step);
  }
  return node;
}

function stepInto(node: SchemaNode, step: string | number): SchemaNode | undefined {
  if (node.type === 'any') return ANY;
  if (typeof step === 'number') return node.type === 'array' ? node.items : undefined;
  if (node.type === 'map') return node.values;
  if (node.type === 'object') return property(node, step)?.schema;
  return undefined;
}

/** The properties of an object node, sorted by name as `kubectl explain` lists them; [] otherwise. */
export function propertiesOf(node: SchemaNode): SchemaProperty[] {
  const entry = node.type === 'object' && node.definition ? propertiesOfDefinition(node.definition) : undefined;
  return entry ? [...entry.list] : [];
}

/** One property of an object node by name. */
export function property(node: SchemaNode, name: string): SchemaProperty | undefined {
  if (node.type !== 'object' || !node.definition) return undefined;
  return propertiesOfDefinition(node.definition)?.byName.get(name);
}

function propertiesOfDefinition(definition: string) {
  const cached = propertyCache.get(definition);
  if (cached) return cached;
  if (!hasDefinition(definition)) return undefined;
  const def = data.definitions[definition]!;
  const required = new Set(def.required ?? []);
  const list: SchemaProperty[] = Object.keys(def.properties ?? {})
    .sort()
    .map((name) =>
      Object.freeze({
        name,
        required: required.has(name),
        schema: fieldNode(def.properties![name]!, curatedDefault(definition, name)),
      }),
    );
  const entry = { list: Object.freeze(list), byName: new Map(list.map((p) => [p.name, p])) };
  propertyCache.set(definition, entry);
  return entry;
}

/** A node for a field of a definition, or for array items / map values (no description of their own). */
function fieldNode(field: CompactField, curated?: string): SchemaNode {
  const base = field.ref !== undefined ? refNode(field.ref, field.description) : inlineNode(field);
  const extra: Partial<SchemaNode> = {};
  if (field.enum) extra.enum = Object.freeze([...field.enum]);
  const dflt = curated ?? field.default;
  if (dflt !== undefined) extra.default = dflt;
  if (field.listType) extra.listType = field.listType;
  if (field.listMapKeys) extra.listMapKeys = Object.freeze([...field.listMapKeys]);
  return Object.freeze({ ...base, ...extra });
}

function inlineNode(field: CompactField): SchemaNode {
  const description = field.description ?? '';
  const format = field.format !== undefined ? { format: field.format } : {};
  switch (field.type) {
    case 'array': {
      const items = field.items ? fieldNode(field.items) : ANY;
      return { type: 'array', explainType: `[]${items.explainType}`, description, items };
    }
    case 'object': {
      if (!field.values) return { type: 'any', explainType: 'Object', description };
      const values = fieldNode(field.values);
      return { type: 'map', explainType: `map[string]${values.explainType}`, description, values };
    }
    case 'string':
      if (field.format === 'int-or-string') return { type: 'intOrString', explainType: 'IntOrString', description };
      if (field.format === 'date-time') return { type: 'time', explainType: 'Time', description, ...format };
      return { type: 'string', explainType: 'string', description, ...format };
    case 'integer':
      return { type: 'integer', explainType: 'integer', description, ...format };
    case 'number':
      return { type: 'number', explainType: 'number', description, ...format };
    case 'boolean':
      return { type: 'boolean', explainType: 'boolean', description };
    default:
      return { type: 'any', explainType: 'Object', description };
  }
}

/** A value of a named definition; `fieldDescription` wins over the definition's own. */
function refNode(definition: string, fieldDescription: string | undefined): SchemaNode {
  const def = hasDefinition(definition) ? data.definitions[definition]! : undefined;
  const description = fieldDescription ?? def?.description ?? '';
  const name = shortName(definition);
  if (definition === QUANTITY) return { type: 'quantity', explainType: 'Quantity', description, definition };
  if (definition === INT_OR_STRING) return { type: 'intOrString', explainType: 'IntOrString', description, definition };
  if (TIME_DEFINITIONS.has(definition))
    return { type: 'time', explainType: name, description, definition, format: 'date-time' };
  if (def === undefined || def.type !== 'object' || def.properties === undefined) {
    // FieldsV1, RawExtension and friends: free-form JSON, described only as a whole.
    return { type: 'any', explainType: 'Object', description, definition };
  }
  return { type: 'object', explainType: name, description, definition };
}

function shortName(definition: string): string {
  return definition.slice(definition.lastIndexOf('.') + 1);
}

/** The description of a definition itself (what `kubectl explain <kind>` prints). */
export function definitionDescription(definition: string): string {
  return hasDefinition(definition) ? (data.definitions[definition]!.description ?? '') : '';
}
