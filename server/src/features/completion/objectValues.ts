// Reading the object being edited (the re-parsed one, placeholder included) while completing.
import { isMap, isScalar, Node as YamlNode } from 'yaml';
import { FieldPath, ManifestObject, nodeAtPath } from '../../model';
import { PLACEHOLDER } from './cursorContext';

/** The string labels of the mapping at `path` (the placeholder left out). */
export function labelsAt(object: ManifestObject, path: FieldPath): Map<string, string> {
  const out = new Map<string, string>();
  const node = nodeAtPath(object, path);
  if (!isMap(node)) return out;
  for (const pair of node.items) {
    const k = pair.key as YamlNode | null;
    const v = pair.value as YamlNode | null;
    if (!isScalar(k) || k.value === PLACEHOLDER || !isScalar(v) || v.value === PLACEHOLDER || v.value === null)
      continue;
    out.set(String(k.value), String(v.value));
  }
  return out;
}

/** The scalar at `path` as a string (undefined when absent, not a scalar, or the placeholder). */
export function scalarAt(object: ManifestObject, path: FieldPath): string | undefined {
  const node = nodeAtPath(object, path);
  if (!isScalar(node) || node.value === null || node.value === PLACEHOLDER) return undefined;
  return String(node.value);
}
