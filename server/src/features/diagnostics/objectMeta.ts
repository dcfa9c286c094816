// Metadata rules: ValidateObjectMeta with ValidateDaemonSetName (NameIsDNSSubdomain),
// ValidateLabels, ValidateAnnotations, ValidateOwnerReferences and ValidateFinalizers
// (k8s.io/apimachinery/pkg/api/validation/objectmeta.go, pkg/apis/meta/v1/validation/validation.go),
// and core's ValidateObjectMeta (pkg/apis/core/validation), which adds validateKubeFinalizerName.
import type { FieldPath } from '../../model';
import { invalid, required, tooLongBytes } from './fieldErrors';
import { isDNS1123Label, isDNS1123Subdomain, isLabelValue, isQualifiedName } from './nameSyntax';
import { arr, obj, str, type Obj } from '../../model/plainValues';
import type { Reporter } from './reporter';
import { TEMPLATE_META } from './paths';
import { utf8Length } from '../../placement';

/** TotalAnnotationSizeLimitB: keys and values of one object together. */
const ANNOTATIONS_LIMIT = 256 * 1024;

/** names.SimpleNameGenerator: at most 58 characters of generateName, then 5 random ones. */
const MAX_GENERATED_NAME_BASE = 58;
/** A stand-in for the 5 random characters (utilrand.String's alphabet is lowercase alphanumerics). */
const GENERATED_SUFFIX = 'bcdfg';

export function checkObjectMeta(r: Reporter, ds: Obj): void {
  const meta = obj(ds['metadata']);
  const name = str(meta?.['name']);
  const generateName = str(meta?.['generateName']);
  // ValidateObjectMetaAccessor: generateName with NameIsDNSSubdomain(prefix=true), which masks a
  // trailing dash (maskTrailingDash); each message is its own field.Invalid.
  if (generateName) {
    for (const e of isDNS1123Subdomain(maskTrailingDash(generateName)))
      r.error('invalidName', ['metadata', 'generateName'], invalid(generateName, e));
  }
  if (!name && !generateName) {
    r.error('requiredField', ['metadata', 'name'], required('name or generateName is required'), { required: true });
  } else if (name) {
    for (const e of isDNS1123Subdomain(name)) r.error('invalidName', ['metadata', 'name'], invalid(name, e));
  } else if (generateName) {
    // rest.BeforeCreate generates the name before validation; the generated one is validated as
    // metadata.name (shown on generateName, which the user wrote).
    const generated = generateName.slice(0, MAX_GENERATED_NAME_BASE) + GENERATED_SUFFIX;
    for (const e of isDNS1123Subdomain(generated))
      r.error('invalidName', ['metadata', 'name'], invalid(generated, e), { at: ['metadata', 'generateName'] });
  }
  // ValidateNamespaceName
  const namespace = str(meta?.['namespace']);
  if (namespace) {
    for (const e of isDNS1123Label(namespace)) r.error('invalidName', ['metadata', 'namespace'], invalid(namespace, e));
  }
  checkLabels(r, meta?.['labels'], ['metadata', 'labels']);
  checkAnnotations(r, meta?.['annotations'], ['metadata', 'annotations']);
  checkOwnerReferences(r, meta?.['ownerReferences']);
  checkFinalizers(r, meta?.['finalizers']);

  // ValidatePodTemplateSpec validates the template's labels and annotations at
  // spec.template.labels and spec.template.annotations (fldPath.Child("labels"), not metadata).
  const tmeta = obj(obj(obj(ds['spec'])?.['template'])?.['metadata']);
  checkLabels(r, tmeta?.['labels'], ['spec', 'template', 'labels'], [...TEMPLATE_META, 'labels']);
  checkAnnotations(r, tmeta?.['annotations'], ['spec', 'template', 'annotations'], [...TEMPLATE_META, 'annotations']);
}

/** maskTrailingDash (apimachinery api/validation/generic.go), its two-character slice included. */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? name.slice(0, name.length - 2) + 'a' : name;
}

/** schema.ParseGroupVersion as FromAPIVersionAndKind uses it: undefined when it fails. */
function parseGroupVersion(apiVersion: string): { group: string; version: string } | undefined {
  if (apiVersion === '' || apiVersion === '/') return { group: '', version: '' };
  const parts = apiVersion.split('/');
  if (parts.length === 1) return { group: '', version: apiVersion };
  if (parts.length === 2) return { group: parts[0]!, version: parts[1]! };
  return undefined;
}

/**
 * ValidateOwnerReferences: validateOwnerReference gets the list's path, not the item's, so every
 * error is on metadata.ownerReferences(.field) (the range goes on the item the user wrote).
 */
function checkOwnerReferences(r: Reporter, value: unknown): void {
  const path: FieldPath = ['metadata', 'ownerReferences'];
  const refs = arr(value);
  let firstController = '';
  refs.forEach((raw, i) => {
    const ref = obj(raw);
    if (!ref) return;
    const at: FieldPath = [...path, i];
    const apiVersion = str(ref['apiVersion']) ?? '';
    const kind = str(ref['kind']) ?? '';
    const name = str(ref['name']) ?? '';
    const uid = str(ref['uid']) ?? '';
    // FromAPIVersionAndKind: an apiVersion that does not parse leaves group and version empty.
    const gv = parseGroupVersion(apiVersion) ?? { group: '', version: '' };
    const field = (f: string, v: string, detail: string) =>
      r.error('invalidOwnerReference', [...path, f], invalid(v, detail), {
        at: ref[f] === undefined ? at : [...at, f],
      });
    if (!gv.version) field('apiVersion', apiVersion, 'version must not be empty');
    if (!kind) field('kind', kind, 'kind must not be empty');
    if (!name) field('name', name, 'name must not be empty');
    if (!uid) field('uid', uid, 'uid must not be empty');
    // BannedOwners: core/v1 Event.
    if (gv.group === '' && gv.version === 'v1' && kind === 'Event') {
      r.error('invalidOwnerReference', path, invalid(ref, `/v1, Kind=Event is disallowed from being an owner`), {
        at,
      });
    }
    if (ref['controller'] === true) {
      const current = `${kind}/${name}`;
      if (firstController !== '') {
        r.error(
          'invalidOwnerReference',
          path,
          invalid(
            refs,
            `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`,
          ),
          { at: [...at, 'controller'] },
        );
      } else firstController = current;
    }
  });
}

/** The finalizers the API server knows without a domain (helper.IsStandardFinalizerName). */
const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

/**
 * ValidateFinalizers: each name a qualified name (on the list's path), orphan and
 * foregroundDeletion not both; then core's validateKubeFinalizerName on each item: a name without
 * a "/" must be a standard one.
 */
function checkFinalizers(r: Reporter, value: unknown): void {
  const path: FieldPath = ['metadata', 'finalizers'];
  const list = arr(value);
  let orphan = false;
  let foreground = false;
  list.forEach((raw, i) => {
    if (typeof raw !== 'string') return;
    for (const e of isQualifiedName(raw)) r.error('invalidFinalizer', path, invalid(raw, e), { at: [...path, i] });
    if (raw === 'orphan') orphan = true;
    if (raw === 'foregroundDeletion') foreground = true;
  });
  if (orphan && foreground) {
    r.error('invalidFinalizer', path, invalid(list, 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  list.forEach((raw, i) => {
    if (typeof raw !== 'string' || raw.includes('/') || STANDARD_FINALIZERS.has(raw)) return;
    r.error(
      'invalidFinalizer',
      [...path, i],
      invalid(raw, 'name is neither a standard finalizer name nor is it fully qualified'),
    );
  });
}

/**
 * ValidateLabels: qualified-name keys, label-syntax values, each error reported on the map itself
 * (field.Invalid(fldPath, …)), with the range on the key or value. `at` is where the map is written
 * when upstream's path differs (the template's labels). Also used for nodeSelector and matchLabels.
 */
export function checkLabels(r: Reporter, value: unknown, path: FieldPath, at: FieldPath = path): void {
  const labels = obj(value);
  if (!labels) return;
  for (const [k, v] of Object.entries(labels)) {
    for (const e of isQualifiedName(k))
      r.error('invalidLabelKey', path, invalid(k, e), { part: 'key', at: [...at, k] });
    if (typeof v === 'string') {
      for (const e of isLabelValue(v)) r.error('invalidLabelValue', path, invalid(v, e), { at: [...at, k] });
    }
  }
}

/** ValidateAnnotations: keys are qualified names (case-insensitive); all of them at most 256 KiB. */
export function checkAnnotations(r: Reporter, value: unknown, path: FieldPath, at: FieldPath = path): void {
  const annotations = obj(value);
  if (!annotations) return;
  let total = 0;
  for (const [k, v] of Object.entries(annotations)) {
    for (const e of isQualifiedName(k.toLowerCase()))
      r.error('invalidAnnotationKey', path, invalid(k, e), { part: 'key', at: [...at, k] });
    total += utf8Length(k) + (typeof v === 'string' ? utf8Length(v) : 0);
  }
  if (total > ANNOTATIONS_LIMIT)
    r.error('annotationsTooLong', path, tooLongBytes(ANNOTATIONS_LIMIT), { part: 'key', at });
}
