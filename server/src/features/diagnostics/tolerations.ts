// Tolerations: ValidateTolerations (pkg/apis/core/validation/validation.go). The operator and
// effect enums are checked against the schema; these are the cross-field rules.
import { invalid } from './fieldErrors';
import { isLabelValue, isQualifiedName } from './nameSyntax';
import { arr, has, obj, str, type Obj } from '../../model/plainValues';
import type { Reporter } from './reporter';
import { POD } from './paths';

export function checkTolerations(r: Reporter, ds: Obj): void {
  const pod = obj(obj(obj(ds['spec'])?.['template'])?.['spec']);
  arr(pod?.['tolerations']).forEach((raw, i) => {
    const t = obj(raw);
    if (!t) return;
    const at = [...POD, 'tolerations', i];
    const key = str(t['key']) ?? '';
    const operator = str(t['operator']) ?? '';
    const effect = str(t['effect']) ?? '';
    const value = str(t['value']) ?? '';
    // ValidateTolerations checks the key with ValidateLabelName: one Invalid per IsQualifiedName message.
    if (key) for (const e of isQualifiedName(key)) r.error('invalidLabelKey', [...at, 'key'], invalid(key, e));
    // An empty key with operator Exists matches every taint; with Equal it matches nothing.
    if (!key && operator !== 'Exists') {
      r.error(
        'tolerationOperator',
        [...at, 'operator'],
        invalid(operator, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'),
        {
          part: has(t, 'operator') ? 'value' : 'key',
        },
      );
    }
    if (has(t, 'tolerationSeconds') && effect !== 'NoExecute') {
      r.error(
        'tolerationSeconds',
        [...at, 'effect'],
        invalid(effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"),
        {
          part: has(t, 'effect') ? 'value' : 'key',
        },
      );
    }
    // Upstream reports the value's errors on .operator (field.Invalid(idxPath.Child("operator"), value, …)).
    if (operator === 'Equal' || operator === '') {
      const errs = isLabelValue(value);
      if (errs.length)
        r.error('invalidLabelValue', [...at, 'operator'], invalid(value, errs.join(';')), { at: [...at, 'value'] });
    } else if (operator === 'Exists' && value !== '') {
      r.error(
        'tolerationValue',
        [...at, 'operator'],
        invalid(value, "value must be empty when `operator` is 'Exists'"),
        { at: [...at, 'value'] },
      );
    }
  });
}
