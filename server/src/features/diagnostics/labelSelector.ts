// Label selectors: ValidateLabelSelector (apimachinery/pkg/apis/meta/v1/validation), worded as the
// API server does. Matching a selector is the engine's (placement/labelSelector.ts).
import type { FieldPath } from '../../model';
import { forbidden, invalid, required } from './fieldErrors';
import { isLabelValue, isQualifiedName } from './nameSyntax';
import { checkLabels } from './objectMeta';
import { arr, has, obj, str, stringMap } from '../../model/plainValues';
import type { Reporter } from './reporter';

/** ValidateLabelSelector; returns false when LabelSelectorAsSelector would fail on it. */
export function checkLabelSelector(r: Reporter, value: unknown, path: FieldPath): boolean {
  const sel = obj(value);
  if (!sel) return true;
  let valid = true;
  checkLabels(r, sel['matchLabels'], [...path, 'matchLabels']);
  for (const [k, v] of stringMap(sel['matchLabels'])) {
    if (isQualifiedName(k).length || isLabelValue(v).length) valid = false;
  }
  arr(sel['matchExpressions']).forEach((raw, i) => {
    const req = obj(raw);
    if (!req) return;
    const at = [...path, 'matchExpressions', i];
    const op = str(req['operator']);
    const values = arr(req['values']);
    switch (op) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) {
          r.error(
            'invalidSelector',
            [...at, 'values'],
            required("must be specified when `operator` is 'In' or 'NotIn'"),
          );
          valid = false;
        }
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) {
          r.error(
            'invalidSelector',
            [...at, 'values'],
            forbidden("may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
          );
          valid = false;
        }
        break;
      default:
        r.error('invalidSelector', [...at, 'operator'], invalid(op ?? '', 'not a valid selector operator'), {
          part: op === undefined ? 'key' : 'value',
        });
        valid = false;
    }
    // ValidateLabelName, for an empty key too.
    const key = str(req['key']) ?? '';
    for (const e of isQualifiedName(key)) {
      r.error('invalidLabelKey', [...at, 'key'], invalid(key, e), { part: has(req, 'key') ? 'value' : 'key' });
      valid = false;
    }
    // IsValidLabelValue: one Invalid per message (ValidateLabelSelectorRequirement).
    values.forEach((v, j) => {
      if (typeof v !== 'string') return;
      for (const e of isLabelValue(v)) {
        r.error('invalidLabelValue', [...at, 'values', j], invalid(v, e));
        valid = false;
      }
    });
  });
  return valid;
}
