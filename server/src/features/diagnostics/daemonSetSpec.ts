// DaemonSet-level rules: ValidateDaemonSetSpec, ValidateDaemonSetUpdateStrategy and
// ValidateRollingUpdateDaemonSet (pkg/apis/apps/validation/validation.go), applied after
// SetDefaults_DaemonSet (pkg/apis/apps/v1/defaults.go) fills type RollingUpdate, maxUnavailable 1
// and maxSurge 0.
import { forbidden, invalid, IS_NEGATIVE, notSupported, required } from './fieldErrors';
import { isValidPercent } from './nameSyntax';
import { checkLabelSelector } from './labelSelector';
import { labelSelectorAsSelector, labelSelectorMatches } from '../../placement';
import { has, int, obj, str, stringMap, type Obj } from '../../model/plainValues';
import type { Reporter } from './reporter';
import { checkLiteralSelectorConflicts, touchesTemplate } from './templateSelector';
import { POD, SPEC, TEMPLATE_META } from './paths';

/** validateRestartPolicy's values, in its order. */
const POD_RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];

export function checkDaemonSetSpec(r: Reporter, ds: Obj): void {
  const spec = obj(ds['spec']);
  const template = obj(spec?.['template']);
  const pod = obj(template?.['spec']);
  checkSelector(r, spec, template);

  const restartPolicy = str(pod?.['restartPolicy']);
  // validateRestartPolicy (ValidatePodSpec) rejects a value that is no restart policy at all, before
  // ValidateDaemonSetSpec adds its own NotSupported at the same path: the API server reports both.
  if (restartPolicy !== undefined && restartPolicy !== '' && !POD_RESTART_POLICIES.includes(restartPolicy)) {
    r.error('unsupportedValue', [...POD, 'restartPolicy'], notSupported(restartPolicy, POD_RESTART_POLICIES));
  }
  // ValidateDaemonSetSpec: a daemon pod must always restart.
  if (restartPolicy !== undefined && restartPolicy !== '' && restartPolicy !== 'Always') {
    r.error('restartPolicyNotAlways', [...POD, 'restartPolicy'], notSupported(restartPolicy, ['Always']));
  }
  // ValidateDaemonSetSpec
  if (has(pod, 'activeDeadlineSeconds')) {
    r.error(
      'activeDeadlineSecondsForbidden',
      [...POD, 'activeDeadlineSeconds'],
      forbidden('activeDeadlineSeconds in DaemonSet is not Supported'),
      { part: 'key' },
    );
  }
  // ValidateNonnegativeField
  for (const field of ['minReadySeconds', 'revisionHistoryLimit']) {
    const v = int(spec?.[field]);
    if (v !== undefined && v < 0) r.error('negativeValue', [...SPEC, field], invalid(v, IS_NEGATIVE));
  }
  checkUpdateStrategy(r, obj(spec?.['updateStrategy']));
}

function checkSelector(r: Reporter, spec: Obj | undefined, template: Obj | undefined): void {
  const selectorValue = spec?.['selector'];
  if (selectorValue === undefined || selectorValue === null) {
    // apps/v1 has no selector defaulting (extensions/v1beta1 had): LabelSelectorAsSelector(nil)
    // matches nothing, so the API server answers that the template labels do not match.
    const labels = stringMap(obj(template?.['metadata'])?.['labels']);
    r.error(
      'selectorMissing',
      [...TEMPLATE_META, 'labels'],
      invalid(Object.fromEntries(labels), '`selector` does not match template `labels`') +
        ' (spec.selector is not set: a missing selector matches no labels)',
      { required: true, at: [...SPEC, 'selector'] },
    );
    return;
  }
  const selector = obj(selectorValue);
  if (!selector) return;
  const valid = checkLabelSelector(r, selector, [...SPEC, 'selector']);
  const matchLabels = obj(selector['matchLabels']);
  const expressions = selector['matchExpressions'];
  const empty = Object.keys(matchLabels ?? {}).length === 0 && !(Array.isArray(expressions) && expressions.length > 0);
  if (empty) {
    r.error('selectorEmpty', [...SPEC, 'selector'], invalid(selector, 'empty selector is invalid for daemonset'), {
      part: 'key',
    });
    return;
  }
  if (!valid) return;
  const labels = stringMap(obj(template?.['metadata'])?.['labels']);
  if (touchesTemplate(r, [...SPEC, 'selector']) || touchesTemplate(r, [...TEMPLATE_META, 'labels'])) {
    checkLiteralSelectorConflicts(r, matchLabels, labels);
    return;
  }
  // A selector LabelSelectorAsSelector refuses matches nothing.
  const compiled = labelSelectorAsSelector(selector);
  if (compiled === undefined || !labelSelectorMatches(compiled, Object.fromEntries(labels))) {
    r.error(
      'selectorMismatch',
      [...TEMPLATE_META, 'labels'],
      invalid(Object.fromEntries(labels), '`selector` does not match template `labels`'),
      {
        part: 'key',
        crossField: true,
        involves: [[...SPEC, 'selector']],
      },
    );
  }
}

/** ValidateDaemonSetUpdateStrategy after defaulting. */
function checkUpdateStrategy(r: Reporter, strategy: Obj | undefined): void {
  const path = [...SPEC, 'updateStrategy'];
  const type = str(strategy?.['type']) || 'RollingUpdate';
  const rolling = obj(strategy?.['rollingUpdate']);
  if (type !== 'RollingUpdate' && type !== 'OnDelete') {
    // field.NotSupported(fldPath, strategy, …): on updateStrategy itself, not on its type.
    r.error('unsupportedValue', path, notSupported(strategy, ['RollingUpdate', 'OnDelete']), { at: [...path, 'type'] });
    return;
  }
  if (type === 'OnDelete') {
    if (rolling) {
      r.warning(
        'rollingUpdateIgnored',
        [...path, 'rollingUpdate'],
        'is ignored when updateStrategy type is OnDelete: pods are replaced only when you delete them',
        { part: 'key' },
      );
    }
    return;
  }
  const maxUnavailable = rolling && has(rolling, 'maxUnavailable') ? rolling['maxUnavailable'] : 1;
  const maxSurge = rolling && has(rolling, 'maxSurge') ? rolling['maxSurge'] : 0;
  const ru = [...path, 'rollingUpdate'];
  checkIntOrPercent(r, maxUnavailable, [...ru, 'maxUnavailable'], rolling && has(rolling, 'maxUnavailable'));
  checkIntOrPercent(r, maxSurge, [...ru, 'maxSurge'], rolling && has(rolling, 'maxSurge'));
  const unavailable = intOrPercentValue(maxUnavailable);
  const surge = intOrPercentValue(maxSurge);
  if (unavailable !== 0 && surge !== 0) {
    const defaulted = !(rolling && has(rolling, 'maxUnavailable'));
    r.error(
      'rollingUpdateBothSet',
      [...ru, 'maxSurge'],
      invalid(maxSurge, 'may not be set when maxUnavailable is non-zero') +
        (defaulted ? ' (maxUnavailable defaults to 1; set maxUnavailable: 0)' : ''),
    );
  } else if (unavailable === 0 && surge === 0) {
    r.error('rollingUpdateZero', [...ru, 'maxUnavailable'], required('cannot be 0 when maxSurge is 0'), {
      part: rolling && has(rolling, 'maxUnavailable') ? 'value' : 'key',
    });
  }
}

/** ValidatePositiveIntOrPercent and IsNotMoreThan100Percent; only for values the user wrote. */
function checkIntOrPercent(r: Reporter, value: unknown, path: (string | number)[], written: boolean | undefined): void {
  if (!written) return;
  if (typeof value === 'string') {
    const errs = isValidPercent(value);
    if (errs.length) {
      // ValidatePositiveIntOrPercent: one Invalid per IsValidPercent message.
      for (const msg of errs) r.error('invalidIntOrPercent', path, invalid(value, msg));
      return;
    }
    if (Number(value.slice(0, -1)) > 100)
      r.error('percentOver100', path, invalid(value, 'must not be greater than 100%'));
  } else if (typeof value === 'number' && Number.isInteger(value) && value < 0) {
    r.error('negativeValue', path, invalid(value, IS_NEGATIVE));
  }
}

/** getIntOrPercentValue: a percent's number, else IntValue() (which parses a numeric string). */
export function intOrPercentValue(value: unknown): number {
  if (typeof value === 'number') return Math.trunc(value);
  if (typeof value === 'string') {
    if (isValidPercent(value).length === 0) return Number(value.slice(0, -1));
    const n = /^[+-]?[0-9]+$/.test(value) ? Number(value) : 0;
    return n;
  }
  return 0;
}
