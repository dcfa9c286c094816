// Metadata rules: ValidateObjectMeta with ValidateDaemonSetName (NameIsDNSSubdomain),
// ValidateLabels and ValidateAnnotations (k8s.io/apimachinery/pkg/api/validation/objectmeta.go,
// pkg/apis/meta/v1/validation/validation.go).
import type { FieldPath } from '../../model';
import { invalid, required, tooLongBytes } from './fieldErrors';
import { isDNS1123Label, isDNS1123Subdomain, isLabelValue, isQualifiedName } from './nameSyntax';
import { obj, str, type Obj } from '../../model/plainValues';
import type { Reporter } from './reporter';
import { TEMPLATE_META } from './paths';

/** TotalAnnotationSizeLimitB: keys and values of one object together. */
const ANNOTATIONS_LIMIT = 256 * 1024;

export function checkObjectMeta(r: Reporter, ds: Obj): void {
  const meta = obj(ds['metadata']);
  const name = str(meta?.['name']);
  const generateName = str(meta?.['generateName']);
  // ValidateObjectMeta
  if (!name && !generateName) {
    r.error('requiredField', ['metadata', 'name'], required('name or generateName is required'), { required: true });
  } else if (name) {
    const errs = isDNS1123Subdomain(name);
    if (errs.length) r.error('invalidName', ['metadata', 'name'], invalid(name, errs.join('; ')));
  }
  // ValidateNamespaceName
  const namespace = str(meta?.['namespace']);
  if (namespace) {
    const errs = isDNS1123Label(namespace);
    if (errs.length) r.error('invalidName', ['metadata', 'namespace'], invalid(namespace, errs.join('; ')));
  }
  checkLabels(r, meta?.['labels'], ['metadata', 'labels']);
  checkAnnotations(r, meta?.['annotations'], ['metadata', 'annotations']);

  // ValidatePodTemplateSpec validates the template's labels and annotations at
  // spec.template.labels and spec.template.annotations (fldPath.Child("labels"), not metadata).
  const tmeta = obj(obj(obj(ds['spec'])?.['template'])?.['metadata']);
  checkLabels(r, tmeta?.['labels'], ['spec', 'template', 'labels'], [...TEMPLATE_META, 'labels']);
  checkAnnotations(r, tmeta?.['annotations'], ['spec', 'template', 'annotations'], [...TEMPLATE_META, 'annotations']);
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

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
